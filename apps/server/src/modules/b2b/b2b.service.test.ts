import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DomainError, zodFieldErrors, type Actor } from '@plenary/contracts';
import { eq, schema, sql } from '@plenary/db';
import { selectRows } from '../../core/sql';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { fairFixture } from './b2b-fixtures';

let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('coordinator@kotra.example', { platformAdmin: true });
});
afterAll(() => h.close());

async function refusal(p: Promise<unknown>) {
  const err = await errorOf(p);
  if (err.cause instanceof ZodError) return { code: 'INVALID_INPUT', fields: zodFieldErrors(err.cause) };
  const cause = err.cause instanceof DomainError ? err.cause : null;
  return { code: cause?.code, key: cause?.messageKey };
}

describe('the fair', () => {
  it("cuts the day into slots in the event's time zone", async () => {
    const { fair } = await fairFixture(h, admin, 'b2b-slots');
    expect(fair.timeZone).toBe('Asia/Seoul');
    expect(fair.slots.map((s) => [s.index, s.startsAt, s.endsAt])).toEqual([
      [0, '2015-11-04T01:00:00.000Z', '2015-11-04T01:30:00.000Z'],
      [1, '2015-11-04T01:30:00.000Z', '2015-11-04T02:00:00.000Z'],
      [2, '2015-11-04T02:00:00.000Z', '2015-11-04T02:30:00.000Z'],
      [3, '2015-11-04T02:30:00.000Z', '2015-11-04T03:00:00.000Z'],
    ]);
    expect(fair.tables.map((t) => t.name)).toEqual(['A1', 'A2', 'A3']);
  });

  it('refuses an end before the start and duplicate tables', async () => {
    const { staff, eventId } = await fairFixture(h, admin, 'b2b-bad-fair');
    expect(
      await refusal(
        staff.b2b.setUpFair({
          eventId,
          date: '2015-11-04',
          startTime: '12:00',
          endTime: '10:00',
          slotMinutes: 30,
          tables: ['A', 'A'],
        }),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      fields: { tables: ['Each item can be chosen once'], endTime: ['The end comes after the start'] },
    });
  });
});

describe('profiles', () => {
  it('finds or creates the shared organisation, starts as a draft and shows once validated', async () => {
    const { staff, eventId, profile } = await fairFixture(h, admin, 'b2b-profiles');
    const draft = await profile('Hanoi Motors JSC', { side: 'buyer', country: 'VN', submit: false }, false);
    expect(draft).toMatchObject({
      status: 'draft',
      organisationName: { en: 'Hanoi Motors JSC' },
      country: 'VN',
    });
    const [org] = await h.runtime.db
      .select({ country: schema.organisations.country })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, draft.organisationId));
    expect(org).toEqual({ country: 'VN' });
    // The same company saved again is the same profile, now submitted.
    const again = await profile('HANOI MOTORS, JSC', { side: 'buyer', country: 'VN' }, false);
    expect([again.id, again.status]).toEqual([draft.id, 'submitted']);
    expect(await staff.b2b.suggestions({ eventId })).toEqual([]);
    await profile('대구정밀', { side: 'seller', country: 'KR' });
    expect(await staff.b2b.suggestions({ eventId })).toEqual([]);
    await staff.b2b.setProfileStatus({ eventId, profileId: draft.id, status: 'validated' });
    const [s] = await staff.b2b.suggestions({ eventId });
    expect(s).toMatchObject({
      buyerName: { en: 'Hanoi Motors JSC' },
      sellerName: { ko: '대구정밀' },
      score: 24,
      reasons: [
        { kind: 'hs', level: 4, code: '8708', product: 'auto parts' },
        { kind: 'language', language: 'en' },
      ],
    });
  });

  it('refuses an HS code that is not 2, 4 or 6 digits', async () => {
    const { staff, eventId } = await fairFixture(h, admin, 'b2b-hs');
    expect(
      await refusal(
        staff.b2b.saveProfile({
          eventId,
          side: 'seller',
          organisationName: 'X',
          country: 'KR',
          languages: ['ko'],
          products: [{ hsCode: '870', description: '', keywords: [] }],
        }),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      fields: { 'products.0.hsCode': ['An HS code has 2, 4 or 6 digits, such as 8708'] },
    });
  });
});

describe('meetings', () => {
  async function setting(slug: string) {
    const f = await fairFixture(h, admin, slug);
    const buyer = await f.profile('Saigon Trading', {
      side: 'buyer',
      country: 'VN',
      languages: ['vi', 'en'],
    });
    const other = await f.profile('Jakarta Parts', { side: 'buyer', country: 'ID', languages: ['id'] });
    const seller = await f.profile('경북오토', { side: 'seller', country: 'KR', languages: ['ko', 'en'] });
    const interpreter = await f.staff.b2b.saveInterpreter({
      eventId: f.eventId,
      name: 'Dewi',
      languagePairs: [['id', 'ko']],
      availableSlots: [0, 1],
      maxMeetings: 1,
    });
    const [s0, s1, s2] = f.fair.slots;
    const [t1, t2] = f.fair.tables;
    return { ...f, buyer, other, seller, interpreter, s0: s0!, s1: s1!, s2: s2!, t1: t1!, t2: t2! };
  }

  it('places a pre-matched pair the buyer approved, and refuses double bookings with a reason', async () => {
    const x = await setting('b2b-meetings');
    const { staff, eventId } = x;
    const pm = await staff.b2b.proposePrematch({
      eventId,
      buyerProfileId: x.buyer.id,
      sellerProfileId: x.seller.id,
      priority: 5,
    });
    const base = {
      eventId,
      buyerProfileId: x.buyer.id,
      sellerProfileId: x.seller.id,
      slotId: x.s0.id,
      tableId: x.t1.id,
    };
    expect(await refusal(staff.b2b.scheduleMeeting({ ...base, prematchId: pm.id }))).toEqual({
      code: 'CONFLICT',
      key: 'b2bPrematchNotWanted',
    });
    await staff.b2b.decidePrematch({ eventId, prematchId: pm.id, decision: 'approved' });
    const m = await staff.b2b.scheduleMeeting({ ...base, prematchId: pm.id });
    expect(m).toMatchObject({
      slotIndex: 0,
      tableName: 'A1',
      status: 'scheduled',
      interpreterId: null,
      stage: null,
    });
    expect((await staff.b2b.prematches({ eventId }))[0]).toMatchObject({
      status: 'approved',
      meetingId: m.id,
    });

    const other = { ...base, buyerProfileId: x.other.id };
    // No shared language: an interpreter is needed, one who covers the pair, works the slot and has room.
    expect(await refusal(staff.b2b.scheduleMeeting({ ...other, tableId: x.t2.id }))).toEqual({
      code: 'CONFLICT',
      key: 'b2bInterpreterNeeded',
    });
    expect(
      await refusal(
        staff.b2b.scheduleMeeting({ ...other, tableId: x.t1.id, interpreterId: x.interpreter.id }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      key: 'b2bTableTaken',
    });
    expect(
      await refusal(
        staff.b2b.scheduleMeeting({ ...other, tableId: x.t2.id, interpreterId: x.interpreter.id }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      key: 'b2bSellerBusy',
    });
    expect(
      await refusal(
        staff.b2b.scheduleMeeting({
          ...other,
          slotId: x.s2.id,
          tableId: x.t2.id,
          interpreterId: x.interpreter.id,
        }),
      ),
    ).toEqual({ code: 'CONFLICT', key: 'b2bInterpreterUnavailable' });
    const m2 = await staff.b2b.scheduleMeeting({
      ...other,
      slotId: x.s1.id,
      tableId: x.t2.id,
      interpreterId: x.interpreter.id,
    });
    expect(m2).toMatchObject({ slotIndex: 1, tableName: 'A2', interpreterName: 'Dewi' });
    expect((await staff.b2b.interpreters({ eventId }))[0]).toMatchObject({ meetings: 1, maxMeetings: 1 });

    // Moving the first meeting onto the second's slot: the seller is there already.
    expect(
      await refusal(staff.b2b.moveMeeting({ eventId, meetingId: m.id, slotId: x.s1.id, tableId: x.t1.id })),
    ).toEqual({
      code: 'CONFLICT',
      key: 'b2bSellerBusy',
    });
    // Into a free slot and table it moves, and the same pair cannot meet twice.
    const moved = await staff.b2b.moveMeeting({
      eventId,
      meetingId: m.id,
      slotId: x.s2.id,
      tableId: x.t2.id,
    });
    expect([moved.slotIndex, moved.tableName]).toEqual([2, 'A2']);
    expect(await refusal(staff.b2b.scheduleMeeting({ ...base, slotId: x.s0.id }))).toEqual({
      code: 'CONFLICT',
      key: 'b2bPairMet',
    });

    // A cancelled meeting frees its slot; it cannot come back.
    await staff.b2b.setMeetingStatus({ eventId, meetingId: m2.id, status: 'cancelled' });
    expect(
      await refusal(staff.b2b.setMeetingStatus({ eventId, meetingId: m2.id, status: 'published' })),
    ).toEqual({
      code: 'CONFLICT',
      key: 'b2bMeetingClosed',
    });
    const types = await selectRows<{ type: string; n: number }>(
      h.runtime.db,
      sql`select type, count(*)::int as n from domain_events where event_id = ${eventId} group by type order by type`,
    );
    expect(types).toEqual([
      { type: 'meeting.changed', n: 2 },
      { type: 'meeting.scheduled', n: 2 },
    ]);
  });

  it('refuses ids of another fair as missing', async () => {
    const a = await setting('b2b-bola-a');
    const b = await setting('b2b-bola-b');
    const m = await a.staff.b2b.scheduleMeeting({
      eventId: a.eventId,
      buyerProfileId: a.buyer.id,
      sellerProfileId: a.seller.id,
      slotId: a.s0.id,
      tableId: a.t1.id,
    });
    const asB = { eventId: b.eventId, meetingId: m.id };
    expect(await refusal(b.staff.b2b.setMeetingStatus({ ...asB, status: 'held' }))).toEqual({
      code: 'NOT_FOUND',
      key: 'b2bMeetingNotFound',
    });
    expect(await refusal(b.staff.b2b.moveMeeting({ ...asB, slotId: b.s0.id, tableId: b.t1.id }))).toEqual({
      code: 'NOT_FOUND',
      key: 'b2bMeetingNotFound',
    });
    expect(
      await refusal(
        b.staff.b2b.scheduleMeeting({
          eventId: b.eventId,
          buyerProfileId: a.buyer.id,
          sellerProfileId: b.seller.id,
          slotId: b.s0.id,
          tableId: b.t1.id,
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', key: 'b2bProfileNotFound' });
  });
});

describe('outcomes and the dashboard', () => {
  it('counts held and no-show meetings, contracts in progress and signed value in USD at staff rates', async () => {
    const f = await fairFixture(h, admin, 'b2b-dashboard');
    const { staff, eventId } = f;
    const vn = await f.profile('Hanoi Foods', {
      side: 'buyer',
      country: 'VN',
      products: [{ hsCode: '2106', description: 'food', keywords: [] }],
    });
    const cn = await f.profile('Shanghai Auto', { side: 'buyer', country: 'CN' });
    const s1 = await f.profile('Seller One', { side: 'seller', country: 'KR' });
    const s2 = await f.profile('Seller Two', { side: 'seller', country: 'KR' });
    const [slot0, slot1] = f.fair.slots;
    const [t1, t2] = f.fair.tables;
    const place = (b: string, s: string, slot: string, table: string) =>
      staff.b2b.scheduleMeeting({
        eventId,
        buyerProfileId: b,
        sellerProfileId: s,
        slotId: slot,
        tableId: table,
      });
    const m1 = await place(vn.id, s1.id, slot0!.id, t1!.id);
    const m2 = await place(cn.id, s2.id, slot0!.id, t2!.id);
    const m3 = await place(cn.id, s1.id, slot1!.id, t1!.id);
    const m4 = await place(vn.id, s2.id, slot1!.id, t2!.id);
    expect(
      await refusal(staff.b2b.recordOutcome({ eventId, meetingId: m1.id, interest: 4, stage: 'interest' })),
    ).toEqual({
      code: 'CONFLICT',
      key: 'b2bMeetingClosed',
    });
    for (const m of [m1, m2, m3])
      await staff.b2b.setMeetingStatus({ eventId, meetingId: m.id, status: 'held' });
    await staff.b2b.setMeetingStatus({ eventId, meetingId: m4.id, status: 'no_show' });
    await staff.b2b.recordOutcome({
      eventId,
      meetingId: m1.id,
      interest: 5,
      stage: 'contract_in_progress',
      estimatedValue: 1_500_000,
      currency: 'USD',
    });
    await staff.b2b.recordOutcome({
      eventId,
      meetingId: m2.id,
      interest: 4,
      stage: 'contract_in_progress',
      estimatedValue: 100_000_000,
      currency: 'KRW',
    });
    await staff.b2b.recordOutcome({
      eventId,
      meetingId: m3.id,
      interest: 5,
      stage: 'signed',
      signedAmount: 20_000,
      currency: 'EUR',
      signedOn: '2015-11-04',
    });
    let d = await staff.b2b.dashboard({ eventId });
    expect(d).toMatchObject({
      planned: 4,
      held: 3,
      noShow: 1,
      cancelled: 0,
      contractsInProgress: 2,
      inProgressUsd: 1_500_000,
      signedOnSiteUsd: 0,
      missingRates: ['EUR', 'KRW'],
    });
    await staff.b2b.setRates({
      eventId,
      rates: [
        { currency: 'KRW', usdPerUnit: '0.00088' },
        { currency: 'EUR', usdPerUnit: '1.1' },
      ],
    });
    d = await staff.b2b.dashboard({ eventId });
    expect(d).toMatchObject({
      contractsInProgress: 2,
      inProgressUsd: 1_588_000,
      signedOnSiteUsd: 22_000,
      signedLaterUsd: 0,
      missingRates: [],
    });
    expect(d.byBuyerCountry).toEqual([
      {
        country: 'CN',
        meetings: 2,
        held: 2,
        contractsInProgress: 1,
        inProgressUsd: 88_000,
        signedUsd: 22_000,
      },
      { country: 'VN', meetings: 2, held: 1, contractsInProgress: 1, inProgressUsd: 1_500_000, signedUsd: 0 },
    ]);
    expect(d.byHsChapter.map((c) => [c.chapter, c.meetings, c.inProgressUsd])).toEqual([
      ['21', 2, 1_500_000],
      ['87', 2, 88_000],
    ]);
    expect(d.perCompany.find((c) => c.profileId === s1.id)).toMatchObject({
      side: 'seller',
      meetings: 2,
      held: 2,
      inProgressUsd: 1_500_000,
      signedUsd: 22_000,
    });
  });
});
