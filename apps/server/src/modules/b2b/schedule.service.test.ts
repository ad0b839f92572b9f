import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, MeetingDto } from '@plenary/contracts';
import { createHarness, tciEvent, type TestHarness } from '../../testing/harness';
import { fairFixture } from './b2b-fixtures';

let h: TestHarness;
let admin: Actor;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('coordinator@kotra.example', { platformAdmin: true });
});
afterAll(() => h.close());

const line = (m: MeetingDto) =>
  `${m.buyerName.en ?? m.buyerName.ko} x ${m.sellerName.ko ?? m.sellerName.en}: slot ${m.slotIndex} ${m.tableName} ${m.interpreterName ?? '-'} ${m.status}`;

/** The hard rules, read off what the database holds (not off the scheduler's own view). */
function brokenRules(meetings: MeetingDto[]) {
  const seen = new Set<string>();
  const broken: string[] = [];
  for (const m of meetings.filter((x) => x.status !== 'cancelled')) {
    for (const key of [
      `table ${m.tableId}`,
      `company ${m.buyerProfileId}`,
      `company ${m.sellerProfileId}`,
      ...(m.interpreterId ? [`interpreter ${m.interpreterId}`] : []),
    ]) {
      const k = `${key} in slot ${m.slotIndex}`;
      if (seen.has(k)) broken.push(k);
      seen.add(k);
    }
  }
  return broken;
}

describe("the fair's scheduler", () => {
  it('places approved and forced pairs with interpreters where needed, keeps what exists, and publishes', async () => {
    const f = await fairFixture(h, admin, 'b2b-scheduler');
    const { staff, eventId } = f;
    const saigon = await f.profile('Saigon Trading', {
      side: 'buyer',
      country: 'VN',
      languages: ['vi', 'en'],
    });
    const jakarta = await f.profile('Jakarta Parts', { side: 'buyer', country: 'ID', languages: ['id'] });
    const hanoi = await f.profile('Hanoi Motors', { side: 'buyer', country: 'VN', languages: ['vi'] });
    const gyeongbuk = await f.profile('경북오토', { side: 'seller', country: 'KR', languages: ['ko', 'en'] });
    const daegu = await f.profile('대구정밀', { side: 'seller', country: 'KR', languages: ['ko'] });
    await staff.b2b.saveInterpreter({
      eventId,
      name: 'Dewi',
      languagePairs: [['id', 'ko']],
      availableSlots: [0, 1],
      maxMeetings: 1,
    });
    await staff.b2b.saveInterpreter({ eventId, name: 'Minh', languagePairs: [['vi', 'ko']], maxMeetings: 2 });
    const pair = async (
      buyerProfileId: string,
      sellerProfileId: string,
      decision: 'approved' | 'forced' | 'rejected' | null,
      priority = 3,
    ) => {
      const pm = await staff.b2b.proposePrematch({ eventId, buyerProfileId, sellerProfileId, priority });
      if (decision) await staff.b2b.decidePrematch({ eventId, prematchId: pm.id, decision });
      return pm.id;
    };
    await pair(saigon.id, gyeongbuk.id, 'approved'); // a shared language: no interpreter
    await pair(jakarta.id, gyeongbuk.id, 'forced', 1); // protocol: first claim on Dewi
    await pair(hanoi.id, daegu.id, 'approved'); // Minh
    await pair(saigon.id, daegu.id, 'approved'); // Minh (Saigon speaks Vietnamese)
    const starved = await pair(jakarta.id, daegu.id, 'approved', 5); // Dewi has room for one meeting only
    await pair(hanoi.id, gyeongbuk.id, 'rejected');

    const first = await staff.b2bSchedule.run({ eventId });
    expect([first.placed, first.kept, first.unplaced]).toEqual([
      4,
      0,
      [{ prematchId: starved, reason: 'no_interpreter' }],
    ]);
    const meetings = await staff.b2b.meetings({ eventId });
    expect(brokenRules(meetings)).toEqual([]);
    const byPair = new Map(meetings.map((m) => [`${m.buyerName.en} x ${m.sellerName.ko}`, m]));
    expect([...byPair.keys()].sort()).toEqual([
      'Hanoi Motors x 대구정밀',
      'Jakarta Parts x 경북오토',
      'Saigon Trading x 경북오토',
      'Saigon Trading x 대구정밀',
    ]);
    expect(byPair.get('Jakarta Parts x 경북오토')?.interpreterName).toBe('Dewi');
    expect(byPair.get('Hanoi Motors x 대구정밀')?.interpreterName).toBe('Minh');
    expect(byPair.get('Saigon Trading x 대구정밀')?.interpreterName).toBe('Minh');
    expect(byPair.get('Saigon Trading x 경북오토')?.interpreterName).toBe(null);
    expect(meetings.map((m) => m.status)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled']);

    // A coordinator moves one by hand; a second run keeps every meeting where it is and adds none.
    const moved = byPair.get('Saigon Trading x 경북오토')!;
    const freeSlot = f.fair.slots.find(
      (s) =>
        !meetings.some(
          (m) =>
            m.slotId === s.id &&
            (m.buyerProfileId === moved.buyerProfileId || m.sellerProfileId === moved.sellerProfileId),
        ),
    )!;
    const freeTable = f.fair.tables.find(
      (t) => !meetings.some((m) => m.slotId === freeSlot.id && m.tableId === t.id),
    )!;
    await staff.b2b.moveMeeting({
      eventId,
      meetingId: moved.id,
      slotId: freeSlot.id,
      tableId: freeTable.id,
      interpreterId: null,
    });
    const before = (await staff.b2b.meetings({ eventId })).map(line).sort();
    const second = await staff.b2bSchedule.run({ eventId });
    expect([second.placed, second.kept, second.unplaced.length]).toEqual([0, 4, 1]);
    expect((await staff.b2b.meetings({ eventId })).map(line).sort()).toEqual(before);

    expect(await staff.b2bSchedule.publish({ eventId })).toEqual({ published: 4 });
    expect((await staff.b2b.meetings({ eventId })).map((m) => m.status)).toEqual([
      'published',
      'published',
      'published',
      'published',
    ]);
    expect(await staff.b2bSchedule.publish({ eventId })).toEqual({ published: 0 });
  });

  it('refuses before the fair is set up', async () => {
    const staff = h.caller(admin);
    const event = await staff.events.create({ ...tciEvent, slug: 'b2b-scheduler-none' });
    await expect(staff.b2bSchedule.run({ eventId: event.id })).rejects.toThrow('Set up the B2B fair first');
  });
});
