import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import { TRPCError } from '@trpc/server';
import { appRouter, type Actor, type Meta } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { eventually } from '../../testing/eventually';

// These tests run with the limits as shipped (rateLimitScale 1), unlike the rest of the suite.
let h: TestHarness;
let admin: Actor;
beforeAll(async () => {
  // Work jobs: resendLink mails after answering (issue 10, finding 4).
  h = await createHarness({ config: { rateLimitScale: 1 }, work: true });
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
});
afterAll(() => h.close());

/** 'ok', or the tRPC code the call failed with. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

// Anyone can become a signed-in person (an email address is enough), so "person" counts as a stranger.
const reachableByStrangers = new Set(['public', 'participant', 'delegationContact', 'partner', 'person']);

describe('every procedure a stranger can reach declares a rate limit', () => {
  it('public, link-holder and partner procedures each have at least one rule with a positive budget', () => {
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>,
    );
    const reachable = procedures.filter(([, p]) => reachableByStrangers.has(p._def.meta?.access.kind ?? ''));
    const missing = reachable
      .filter(([, p]) => (p._def.meta?.limits ?? []).length === 0)
      .map(([path]) => path);
    expect(missing).toEqual([]);
    // The list the limits were written against; a new public procedure shows up here and needs one.
    expect(reachable.length).toBeGreaterThanOrEqual(30);
    for (const [, p] of reachable) {
      for (const rule of p._def.meta?.limits ?? []) {
        expect(rule.windowSeconds).toBeGreaterThan(0);
        if (rule.max !== 'key') expect(rule.max).toBeGreaterThan(0);
      }
    }
  });
});

async function lastMailTo(email: string) {
  const mails = await h.runtime.db
    .select({ textBody: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt));
  return { count: mails.length, token: /\/r\/([\w-]+)/.exec(mails[0]?.textBody ?? '')?.[1] ?? null };
}

describe('public registration', () => {
  it(`refuses the 21st registration from one address within 10 minutes, with Retry-After; another address goes on`, async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'flooded',
      categories: [{ code: 'SME', capacity: null }],
    });
    const ip = '203.0.113.50';
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i++) {
      const err = await h
        .caller(null, { ip })
        .portalRegistration.register({
          eventId: e.eventId,
          categoryId: e.categories.SME!,
          participant: participant(),
        })
        .then(
          () => null,
          (error: unknown) => error as { code: string; cause?: { retryAfterSeconds?: number } },
        );
      outcomes.push(err ? err.code : 'ok');
      if (err && i === 24) {
        expect(err.cause?.retryAfterSeconds).toBeGreaterThan(500);
        expect(err.cause?.retryAfterSeconds).toBeLessThanOrEqual(600);
      }
    }
    expect(outcomes).toEqual([
      ...Array<string>(20).fill('ok'),
      ...Array<string>(5).fill('TOO_MANY_REQUESTS'),
    ]);
    const elsewhere = await h
      .caller(null, { ip: '203.0.113.51' })
      .portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant(),
      });
    expect(elsewhere.status).toBe('confirmed');
    // Ten minutes on, the address may register again.
    h.advanceClock(601_000);
    const later = await h
      .caller(null, { ip })
      .portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant(),
      });
    expect(later.status).toBe('confirmed');
  });
});

describe('resendLink', () => {
  it('keeps the earlier link working and mails an address at most 3 times an hour, whoever asks', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'resend',
      categories: [{ code: 'SME', capacity: null }],
    });
    const email = 'victim@vn-cluster.example';
    await h
      .caller(null, { ip: '198.51.100.200' })
      .portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
    const first = await lastMailTo(email);
    const codes: string[] = [];
    for (let i = 0; i < 50; i++) {
      codes.push(
        await outcome(
          h
            .caller(null, { ip: `198.51.100.${i}` })
            .portalRegistration.resendLink({ eventId: e.eventId, email }),
        ),
      );
    }
    expect(codes.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(new Set(codes.slice(3))).toEqual(new Set(['TOO_MANY_REQUESTS']));
    const after = await eventually(async () => {
      const last = await lastMailTo(email);
      expect(last.count).toBe(first.count + 3);
      return last;
    });
    // Both the first link and the last resent one open the registration.
    const byFirst = await h.caller(null, {}, { linkToken: first.token! }).myRegistration.get();
    const byLast = await h.caller(null, {}, { linkToken: after.token! }).myRegistration.get();
    expect(byFirst.id).toBe(byLast.id);
  });
});

describe('invitation codes', () => {
  it('tells an expired code apart, answers unknown and used-up codes alike, and refuses guessing after 10 tries in 10 minutes', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'codes',
      categories: [{ code: 'MINISTRY', capacity: null, visibility: 'invitation' }],
    });
    const ministry = e.categories.MINISTRY!;
    await h.runtime.db.insert(schema.invitationCodes).values([
      { eventId: e.eventId, code: 'MPI-VN-2015', categoryId: ministry, maxUses: 1 },
      {
        eventId: e.eventId,
        code: 'OLD-2014',
        categoryId: ministry,
        maxUses: 5,
        expiresAt: new Date(Date.now() - 86_400_000),
      },
      { eventId: e.eventId, code: 'FULL-2015', categoryId: ministry, maxUses: 1 },
    ]);
    await h.caller(null, { ip: '192.0.2.1' }).portalRegistration.register({
      eventId: e.eventId,
      categoryId: ministry,
      invitationCode: 'FULL-2015',
      participant: participant(),
    });
    const form = (invitationCode: string, ip = '192.0.2.77') =>
      h.caller(null, { ip }).portalRegistration.form({ eventId: e.eventId, invitationCode });
    const answers = [
      (await form('NOPE-0000')).invitationCode,
      (await form('OLD-2014')).invitationCode,
      (await form('FULL-2015')).invitationCode,
    ];
    expect(answers).toEqual([
      { valid: false, reason: 'unknown' },
      { valid: false, reason: 'expired' },
      { valid: false, reason: 'unknown' },
    ]);
    // Register gives the same answers as the form, under the same guessing budget.
    const register = async (invitationCode: string) => {
      try {
        await h.caller(null, { ip: '192.0.2.77' }).portalRegistration.register({
          eventId: e.eventId,
          categoryId: ministry,
          invitationCode,
          participant: participant(),
        });
        return 'ok';
      } catch (err) {
        if (!(err instanceof TRPCError)) throw err;
        const fields = (err.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
        return fields?.invitationCode?.[0] ?? err.code;
      }
    };
    expect([await register('OLD-2014'), await register('FULL-2015')]).toEqual([
      'This invitation code has expired: ask the organisers for a new one',
      'This invitation code is not valid',
    ]);
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) {
      codes.push(await outcome(form(`MPI-VN-20${String(i).padStart(2, '0')}`)));
    }
    expect(codes).toEqual([...Array<string>(5).fill('ok'), ...Array<string>(5).fill('TOO_MANY_REQUESTS')]);
    expect(await register('MPI-VN-2015')).toBe('TOO_MANY_REQUESTS');
    // The form itself, without a code, still opens for that address.
    expect(
      (await h.caller(null, { ip: '192.0.2.77' }).portalRegistration.form({ eventId: e.eventId }))
        .invitationCode,
    ).toBeNull();
  });
});
