import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { eventually } from '../../testing/eventually';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { mailLinkAgain } from './link-mail';
import { mailPasswordReset } from '../identity/reset-mail';

// Issue 10, finding 4: nothing a stranger sees (the answer, how long it takes) tells
// whether an address is registered for an event, or has a staff account.
let h: TestHarness;
let admin: Actor;
beforeAll(async () => {
  h = await createHarness({ work: true });
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
});
afterAll(() => h.close());

async function mailsTo(email: string) {
  return h.runtime.db
    .select({ template: schema.mailOutbox.template, textBody: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Times a and b in alternating rounds (a first on even rounds, b first on odd
 * ones, so a warming cache or a busy neighbour favours neither) and returns
 * both medians in milliseconds.
 */
async function alternatingMedians(rounds: number, a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>) {
  const ta: number[] = [];
  const tb: number[] = [];
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await fn();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      await time(() => a(i), ta);
      await time(() => b(i), tb);
    } else {
      await time(() => b(i), tb);
      await time(() => a(i), ta);
    }
  }
  return { a: median(ta), b: median(tb) };
}

describe('public registration with an address already registered', () => {
  it('answers as a new registration would, registers nothing, and mails the owner their link', async () => {
    const e = await registrationEvent(h, admin, { slug: 'dup', categories: [{ code: 'SME', capacity: 2 }] });
    const owner = 'owner@vn-cluster.example';
    const register = (email: string, ip: string) =>
      h.caller(null, { ip }).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
    await register(owner, '198.51.100.1');
    const again = await register(owner, '198.51.100.2');
    const fresh = await register('newcomer@vn-cluster.example', '198.51.100.3');
    const shape = (r: typeof again) => ({
      ...r,
      id: r.id.replace(/[0-9a-f]/g, 'x'),
      reference: r.reference.replace(/[A-Z0-9]/g, 'X'),
    });
    expect(shape(again)).toEqual(shape(fresh));
    expect(shape(again)).toEqual({
      id: 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      reference: 'XXXX-XXXX',
      status: 'confirmed',
      waitlistPosition: null,
      options: [],
    });
    const rows = await h.runtime.db
      .select({ reference: schema.registrations.reference })
      .from(schema.registrations)
      .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
      .where(and(eq(schema.registrations.eventId, e.eventId), eq(schema.persons.email, owner)));
    expect(rows).toHaveLength(1);
    expect(again.reference).not.toBe(rows[0]!.reference);
    // The owner gets their link again (the confirmation mail, then the link mail).
    const mails = await eventually(async () => {
      const m = await mailsTo(owner);
      expect(m.map((x) => x.template).sort()).toEqual(['registration.link', 'registration.verify']);
      return m;
    });
    expect(mails.find((m) => m.template === 'registration.link')!.textBody).toContain(rows[0]!.reference);
  });

  it('answers a full category the same way too: the next waiting place, for either address', async () => {
    const e = await registrationEvent(h, admin, { slug: 'dup-full', categories: [{ code: 'SME', capacity: 1 }] });
    const register = (email: string) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
    await register('first@vn-cluster.example');
    const waiting = await register('second@vn-cluster.example');
    const dup = await register('second@vn-cluster.example');
    expect([waiting.status, waiting.waitlistPosition]).toEqual(['waitlisted', 1]);
    expect([dup.status, dup.waitlistPosition]).toEqual(['waitlisted', 2]);
  });
});

describe('resendLink and the staff password reset take the same time either way', () => {
  const ROUNDS = 41;

  it('resendLink: registered and unknown addresses answer in the same time (and the old inline work did not)', async () => {
    const e = await registrationEvent(h, admin, { slug: 'timing', categories: [{ code: 'SME' }] });
    const known = 'known@vn-cluster.example';
    await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: known }),
    });
    const resend = (email: string) => () =>
      h.caller(null, { ip: '198.51.100.9' }).portalRegistration.resendLink({ eventId: e.eventId, email });
    const answered = await alternatingMedians(ROUNDS, resend(known), resend('nobody@vn-cluster.example'));
    // Control: the work that used to run before the answer differs by itself.
    const inline = await alternatingMedians(
      ROUNDS,
      () => mailLinkAgain(h.runtime, { eventId: e.eventId, email: known }),
      () => mailLinkAgain(h.runtime, { eventId: e.eventId, email: 'nobody@vn-cluster.example' }),
    );
    console.log('resendLink medians (ms): answered', answered, 'inline work', inline);
    // The control shows the old inline work told the addresses apart (several times over);
    // the answered medians are printed, not asserted: on a shared 2-core machine a timing
    // moves by milliseconds with the load. The test below proves the same thing without a
    // clock: nothing that depends on the address happens before the answer.
    expect(inline.a / inline.b).toBeGreaterThan(1.5);
  });

  it('resendLink and the password reset answer before any work on the address (no worker running)', async () => {
    const quiet = await createHarness({ work: false });
    try {
      const quietAdmin = await quiet.signUp('admin2@kicox.example', { platformAdmin: true });
      await quiet.signUp('staff2@kicox.example');
      const e = await registrationEvent(quiet, quietAdmin, { slug: 'deferred', categories: [{ code: 'SME' }] });
      const known = 'known2@vn-cluster.example';
      await quiet.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email: known }),
      });
      const counts = async () => ({
        links: (await quiet.runtime.db.select().from(schema.registrationLinkTokens)).length,
        mails: (await quiet.runtime.db.select().from(schema.mailOutbox)).length,
        resets: (await quiet.runtime.db.select().from(schema.passwordResets)).length,
      });
      const before = await counts();
      const resend = (email: string) =>
        quiet.caller(null).portalRegistration.resendLink({ eventId: e.eventId, email });
      expect(await resend(known)).toEqual(await resend('nobody2@vn-cluster.example'));
      const reset = (email: string) => quiet.caller(null).auth.requestPasswordReset({ email });
      expect(await reset('staff2@kicox.example')).toEqual(await reset('nobody2@kicox.example'));
      // Answered, and nothing about either address was looked up, written or mailed yet.
      expect(await counts()).toEqual(before);
    } finally {
      await quiet.close();
    }
  });

  it('requestPasswordReset: an account and no account answer in the same time (and the old inline work did not)', async () => {
    await h.signUp('staff@kicox.example');
    const ask = (email: string) => () => h.caller(null).auth.requestPasswordReset({ email });
    const answered = await alternatingMedians(ROUNDS, ask('staff@kicox.example'), ask('nobody@kicox.example'));
    const inline = await alternatingMedians(
      ROUNDS,
      // The 3-an-hour cap would make the known account cheap after 3 rounds: a new account each round.
      async (i) => {
        await h.runtime.db.update(schema.passwordResets).set({ createdAt: new Date(0) });
        await mailPasswordReset(h.runtime, `staff@kicox.example`);
        return i;
      },
      async (i) => {
        await h.runtime.db.update(schema.passwordResets).set({ createdAt: new Date(0) });
        await mailPasswordReset(h.runtime, 'nobody@kicox.example');
        return i;
      },
    );
    console.log('requestPasswordReset medians (ms): answered', answered, 'inline work', inline);
    expect(inline.a / inline.b).toBeGreaterThan(1.5);
  });
});
