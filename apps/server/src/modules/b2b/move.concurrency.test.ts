import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type Actor, type EventCaller } from '@plenary/contracts';
import { sql } from '@plenary/db';
import { testEngine } from '@plenary/db/testing';
import { selectRows } from '../../core/sql';
import { createHarness, testRequest, type TestHarness } from '../../testing/harness';
import { fairFixture } from './b2b-fixtures';
import { moveMeeting } from './meetings.service';

let h: TestHarness;
let admin: Actor;

/** Two moves that both pass their checks before either writes (held at the service's seam). */
async function race(
  caller: EventCaller,
  moves: Array<{ meetingId: string; slotId: string; tableId: string }>,
) {
  let arrived = 0;
  let release!: () => void;
  const together = new Promise<void>((resolve) => (release = resolve));
  // A move refused by its checks never reaches the barrier: the other goes on after a while.
  const timer = setTimeout(() => release(), 5_000);
  const atBarrier = async () => {
    if (++arrived === moves.length) release();
    await together;
  };
  const settled = await Promise.allSettled(
    moves.map((m) =>
      moveMeeting(h.runtime, caller, { eventId: caller.eventId, interpreterId: null, ...m }, atBarrier),
    ),
  );
  clearTimeout(timer);
  return settled;
}

const outcome = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled'
    ? 'moved'
    : r.reason instanceof DomainError
      ? r.reason.messageKey
      : String(r.reason);

describe.runIf(testEngine() === 'postgres')('two coordinators moving meetings at once', () => {
  beforeAll(async () => {
    h = await createHarness({ poolSize: 6 });
    admin = await h.signUp('coordinators@kotra.example', { platformAdmin: true });
  });
  afterAll(() => h.close());

  async function fairWithMeetings(slug: string) {
    const f = await fairFixture(h, admin, slug);
    const b1 = await f.profile('Buyer One', { side: 'buyer', country: 'VN' });
    const b2 = await f.profile('Buyer Two', { side: 'buyer', country: 'CN' });
    const sellers = [];
    for (const n of ['One', 'Two', 'Three', 'Four'])
      sellers.push(await f.profile(`Seller ${n}`, { side: 'seller', country: 'KR' }));
    const [s1, s2, s3, s4] = sellers;
    const [slot0, slot1, slot2, slot3] = f.fair.slots;
    const [t1, t2, t3] = f.fair.tables;
    const place = (b: string, s: string, slot: string, table: string) =>
      f.staff.b2b.scheduleMeeting({
        eventId: f.eventId,
        buyerProfileId: b,
        sellerProfileId: s,
        slotId: slot,
        tableId: table,
      });
    const mA = await place(b1.id, s1!.id, slot0!.id, t1!.id);
    const mB = await place(b2.id, s2!.id, slot0!.id, t2!.id);
    const mC = await place(b1.id, s3!.id, slot1!.id, t1!.id);
    await place(b2.id, s4!.id, slot1!.id, t2!.id);
    const caller: EventCaller = { actor: admin, request: testRequest(), eventId: f.eventId, role: 'owner' };
    return { caller, mA, mB, mC, slot2: slot2!, slot3: slot3!, t1: t1!, t2: t2!, t3: t3! };
  }

  const bookings = async (eventId: string, slotId: string) =>
    selectRows<{ table_name: string; buyer: string }>(
      h.runtime.db,
      sql`select t.name as table_name, o.name->>'en' as buyer
          from b2b_meetings m join b2b_tables t on t.id = m.table_id
          join b2b_profiles p on p.id = m.buyer_profile_id join organisations o on o.id = p.organisation_id
          join b2b_fairs f on f.id = m.fair_id
          where f.event_id = ${eventId} and m.slot_id = ${slotId} and m.status <> 'cancelled'
          order by t.name, o.name->>'en'`,
    );

  /** The two races: two meetings onto one table; two meetings of one buyer into one slot. */
  async function races(slug: string) {
    const x = await fairWithMeetings(slug);
    const table = await race(x.caller, [
      { meetingId: x.mA.id, slotId: x.slot2.id, tableId: x.t3.id },
      { meetingId: x.mB.id, slotId: x.slot2.id, tableId: x.t3.id },
    ]);
    // Read before the second race moves mA on.
    const slot2 = await bookings(x.caller.eventId, x.slot2.id);
    const company = await race(x.caller, [
      { meetingId: x.mC.id, slotId: x.slot3.id, tableId: x.t1.id },
      { meetingId: x.mA.id, slotId: x.slot3.id, tableId: x.t2.id },
    ]);
    return {
      table: table.map(outcome).sort(),
      company: company.map(outcome).sort(),
      slot2,
      slot3: await bookings(x.caller.eventId, x.slot3.id),
    };
  }

  it('never puts two meetings at one table, or one company in two meetings, in a slot', async () => {
    const r = await races('b2b-race');
    expect([r.table, r.company]).toEqual([
      ['b2bTableTaken', 'moved'],
      ['b2bBuyerBusy', 'moved'],
    ]);
    expect(r.slot2.map((b) => b.table_name)).toEqual(['A3']);
    expect(r.slot3).toEqual([expect.objectContaining({ buyer: 'Buyer One' })]);
  });

  it('control: without the unique indexes the same races double-book', async () => {
    await h.runtime.db.execute(sql`drop index b2b_meetings_table_busy`);
    await h.runtime.db.execute(sql`drop index b2b_meetings_buyer_busy`);
    const r = await races('b2b-race-control');
    expect([r.table, r.company]).toEqual([
      ['moved', 'moved'],
      ['moved', 'moved'],
    ]);
    expect(r.slot2.map((b) => b.table_name)).toEqual(['A3', 'A3']);
    expect(r.slot3.map((b) => b.buyer)).toEqual(['Buyer One', 'Buyer One']);
  });
});
