import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema, sql, type Db } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { testEngine } from '@plenary/db/testing';
import { transactionRetries } from '../../core/runtime';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { addRegistration, createDeskFixture } from '../desk/desk.fixtures';
import { selectRows } from '../../core/sql';
import { expireLapsedPlaces } from './promotion';

/**
 * Races between transactions (issue 8, items 4, 6 and 7), on PostgreSQL only:
 * PGlite has one connection, so two transactions cannot overlap there. Each
 * race is made to happen, not hoped for: another server holds the row, the
 * path under test is seen waiting for it, then the other server's change commits.
 */
const harnesses: TestHarness[] = [];
let h: TestHarness;
let other: TestHarness;
let admin: Actor;

describe.runIf(testEngine() === 'postgres')('races around a registration', () => {
  beforeAll(async () => {
    h = await createHarness({ poolSize: 5 });
    other = await createHarness({ poolSize: 5, sameDatabaseAs: h });
    harnesses.push(h, other);
    admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  });
  afterAll(async () => {
    for (const x of harnesses.reverse()) await x.close();
  });

  /**
   * Another server locks the row, lets `run` start, waits until a session of this
   * database waits for a lock, then applies `change` and commits.
   */
  async function whileRowHeld<T>(db: Db, id: string, run: () => Promise<T>, change: ReturnType<typeof sql>) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const held = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.transaction(async (tx) => {
      await tx.execute(sql`select id from registrations where id = ${id} for update`);
      locked();
      await gate;
      await tx.execute(change);
    });
    await held;
    const result = run().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    for (let i = 0; i < 200; i++) {
      const [w] = await selectRows<{ n: number }>(
        h.runtime.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (Number(w?.n) > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await holder;
    return result;
  }

  it('check-in does not check in a registration cancelled meanwhile (item 7)', async () => {
    const f = await createDeskFixture(h, 'race');
    const p = await addRegistration(h, {
      eventId: f.eventId,
      categoryId: f.categories.government,
      givenName: 'Race',
      familyName: 'Cancelled',
    });
    const outcome = await whileRowHeld(
      other.runtime.db,
      p.id,
      () => h.caller(f.staff).checkIn.checkIn({ eventId: f.eventId, registrationId: p.id }),
      sql`update registrations set status = 'cancelled', cancelled_at = now() where id = ${p.id}`,
    );
    const [row] = await h.runtime.db
      .select({ status: schema.registrations.status, checkedInAt: schema.registrations.checkedInAt })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, p.id));
    expect([row!.status, row!.checkedInAt, outcome.ok]).toEqual(['cancelled', null, false]);
  });

  it('the expiry job leaves a registration whose address was confirmed meanwhile (item 6)', async () => {
    const e = await registrationEvent(h, admin, { slug: 'race-expiry', categories: [{ code: 'SME' }] });
    const r = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'late-click@race.example' }),
    });
    h.advanceClock(49 * 3_600_000);
    try {
      await whileRowHeld(
        other.runtime.db,
        r.id,
        () => expireLapsedPlaces(h.runtime, [e.eventId]),
        sql`update registrations set email_verified_at = now() where id = ${r.id}`,
      );
    } finally {
      h.advanceClock(-49 * 3_600_000);
    }
    const [row] = await h.runtime.db
      .select({ status: schema.registrations.status })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, r.id));
    expect(row!.status).toBe('confirmed');
  });

  it('one lock order: cancellations, option changes and offers mixed on four servers meet no deadlock (item 4)', async () => {
    const servers = [h, other];
    for (let i = servers.length; i < 4; i++) {
      const s = await createHarness({ poolSize: 5, sameDatabaseAs: h });
      harnesses.push(s);
      servers.push(s);
    }
    const e = await registrationEvent(h, admin, {
      slug: 'race-lock-order',
      categories: [{ code: 'SME', capacity: 20 }],
      options: [{ code: 'TOUR', capacity: 10 }],
    });
    await h.runtime.db
      .update(schema.registrationSettings)
      .set({ editableFields: ['phone', 'options'] })
      .where(eq(schema.registrationSettings.eventId, e.eventId));
    const people: Array<{ status: string; token: string }> = [];
    for (let i = 0; i < 60; i++) {
      const email = `mix${i}@race.example`;
      const r = await h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
      const [mail] = await h.runtime.db
        .select({ text: schema.mailOutbox.textBody })
        .from(schema.mailOutbox)
        .where(eq(schema.mailOutbox.toAddress, email))
        .orderBy(desc(schema.mailOutbox.createdAt))
        .limit(1);
      people.push({ status: r.status, token: /\/r\/([\w-]+)/.exec(mail!.text)![1]! });
    }
    transactionRetries.clear();
    const as = (i: number, token: string) =>
      servers[i % servers.length]!.caller(null, {}, { linkToken: token }).myRegistration;
    const results = await Promise.allSettled(
      people.map((p, i) =>
        p.status === 'confirmed'
          ? as(i, p.token).cancel({ reason: null })
          : as(i, p.token).update({ optionIds: [e.options.TOUR!], participant: { phone: `+82 10 ${i}` } }),
      ),
    );
    const retries = Object.fromEntries(transactionRetries);
    console.info(`lock order under mixed load: retries ${JSON.stringify(retries)}`);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
    expect(retries).toEqual({});
    // And the limits held: at most 20 places and 10 seats.
    const [count] = await selectRows<{ places: number; seats: number }>(
      h.runtime.db,
      sql`select (select count(*) from registrations r where r.event_id = ${e.eventId}
                  and (r.status in ('pending','confirmed') or (r.status = 'offered' and r.offer_expires_at > now())))::int as places,
                 (select count(*) from registration_choices c join registrations r on r.id = c.registration_id
                  where r.event_id = ${e.eventId} and c.status = 'booked' and r.status in ('pending','confirmed','offered'))::int as seats`,
    );
    expect(Number(count!.places)).toBeLessThanOrEqual(20);
    expect(Number(count!.seats)).toBeLessThanOrEqual(10);
  }, 120_000);
});
