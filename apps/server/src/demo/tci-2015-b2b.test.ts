import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, tciEvent, type TestHarness } from '../testing/harness';
import { loadB2bFair } from './tci-2015-b2b';

let h: TestHarness;
let admin: Actor;
let eventId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.example.org', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-2015' })).id;
  const started = performance.now();
  const report = await loadB2bFair(h.caller(admin), eventId);
  // Printed so a slower demo gets noticed.
  console.info(`loadB2bFair took ${Math.round(performance.now() - started)} ms`);
  expect(report).toEqual({ buyers: 18, sellers: 36, interpreters: 18, meetings: 111 });
}, 300_000);
afterAll(() => h.close());

describe("the reference event's export fair", () => {
  it("shows the article's figures on the dashboard", async () => {
    const d = await h.caller(admin).b2b.dashboard({ eventId });
    expect(d).toMatchObject({
      planned: 111,
      held: 111,
      noShow: 0,
      cancelled: 0,
      contractsInProgress: 43,
      inProgressUsd: 40_000_000,
      signedOnSiteUsd: 220_000,
      signedLaterUsd: 0,
      missingRates: [],
    });
    expect(d.byBuyerCountry.map((c) => [c.country, c.meetings])).toEqual([
      ['CN', 39],
      ['VN', 30],
      ['ID', 24],
      ['RU', 18],
    ]);
    expect(d.perCompany.filter((c) => c.side === 'buyer')).toHaveLength(18);
    expect(d.perCompany.filter((c) => c.side === 'seller')).toHaveLength(36);
  });

  it('placed every meeting on the fair day with an interpreter where the two share no language', async () => {
    const meetings = await h.caller(admin).b2b.meetings({ eventId });
    expect(meetings).toHaveLength(111);
    expect(new Set(meetings.map((m) => m.startsAt.slice(0, 10)))).toEqual(new Set(['2015-11-04']));
    // Vietnamese and Indonesian buyers speak English, as do the even-numbered sellers: 5 buyers x 6
    // meetings need no interpreter; each other meeting has its buyer's interpreter.
    expect(meetings.filter((m) => m.interpreterId === null)).toHaveLength(30);
    expect(meetings.filter((m) => m.interpreterName?.startsWith('Interpreter'))).toHaveLength(81);
    // No table, buyer or seller twice in a slot.
    for (const key of ['tableId', 'buyerProfileId', 'sellerProfileId'] as const)
      expect(new Set(meetings.map((m) => `${m.slotId}/${m[key]}`)).size).toBe(111);
    const prematches = await h.caller(admin).b2b.prematches({ eventId });
    expect(prematches.filter((p) => p.status === 'approved' && p.meetingId)).toHaveLength(111);
    // Loading again adds nothing.
    expect(await loadB2bFair(h.caller(admin), eventId)).toBeNull();
  });
});
