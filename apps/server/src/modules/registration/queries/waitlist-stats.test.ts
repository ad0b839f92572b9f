import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, tciEvent, type AppCaller, type TestHarness } from '../../../testing/harness';
import { insertCategory, insertChoice, insertOption, insertRegistration } from './fixtures';

let h: TestHarness;
let api: AppCaller;
let eventId: string;
let gov: string;
let uni: string;
/** Waiting registrations by name: g1..g3 in GOV, u1..u2 in UNI. */
const w: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const admin: Actor = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
  eventId = (await api.events.create(tciEvent)).id;
  const db = h.runtime.db;
  gov = await insertCategory(db, eventId, 'GOV', { capacity: 2, position: 1 });
  uni = await insertCategory(db, eventId, 'UNI', { position: 2, colour: '#22aa55' });
  const plan: Array<[string, string, number]> = [
    ['g1', gov, 100],
    ['u1', uni, 150],
    ['g2', gov, 200],
    ['u2', uni, 250],
    ['g3', gov, 300],
  ];
  for (const [name, cat, rank] of plan) {
    w[name] = await insertRegistration(db, eventId, cat, {
      status: 'waitlisted',
      waitlistRank: rank,
      givenName: name,
      familyName: 'Wait',
    });
  }
});
afterAll(() => h.close());

async function order(categoryId?: string) {
  const list = await api.registrations.waitlist({ eventId, ...(categoryId ? { categoryId } : {}) });
  const names = Object.fromEntries(Object.entries(w).map(([k, v]) => [v, k]));
  return list.map((e) => `${e.position}:${names[e.registrationId]}`);
}

describe('the waiting list', () => {
  it('lists waiting registrations in rank order, numbered per category or across the event', async () => {
    expect(await order()).toEqual(['1:g1', '2:u1', '3:g2', '4:u2', '5:g3']);
    expect(await order(gov)).toEqual(['1:g1', '2:g2', '3:g3']);
    const [first] = await api.registrations.waitlist({ eventId, categoryId: uni });
    expect(first).toMatchObject({
      registrationId: w.u1,
      name: 'u1 Wait',
      organisation: 'KICOX',
      country: 'KR',
      categoryId: uni,
      categoryLabel: { ko: 'UNI 분류', en: 'UNI category' },
      position: 1,
    });
  });

  it('moves a registration before another, renumbering ranks, and audits it', async () => {
    await api.registrations.moveInWaitlist({ eventId, registrationId: w.g3 ?? '', beforeId: w.g1 ?? '' });
    expect(await order()).toEqual(['1:g3', '2:g1', '3:u1', '4:g2', '5:u2']);
    expect(await order(gov)).toEqual(['1:g3', '2:g1', '3:g2']);
    const ranks = await h.runtime.db
      .select({ id: schema.registrations.id, rank: schema.registrations.waitlistRank })
      .from(schema.registrations)
      .where(inArray(schema.registrations.id, Object.values(w)));
    expect(ranks.map((r) => r.rank).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([10, 20, 30, 40, 50]);
    const detail = await api.registrations.get({ eventId, registrationId: w.g3 ?? '' });
    expect(detail.waitlistPosition).toBe(1);
    expect(detail.history.map((e) => [e.action, e.diff])).toEqual([
      [
        'registration.moveInWaitlist',
        { waitlistPosition: { before: 5, after: 1 }, beforeId: { before: null, after: w.g1 } },
      ],
    ]);
  });

  it('moves a registration to the end when beforeId is null', async () => {
    await api.registrations.moveInWaitlist({ eventId, registrationId: w.g1 ?? '', beforeId: null });
    expect(await order()).toEqual(['1:g3', '2:u1', '3:g2', '4:u2', '5:g1']);
  });

  it('refuses a registration that is not waiting, or a target that is not', async () => {
    const confirmed = await insertRegistration(h.runtime.db, eventId, gov);
    expect(
      (
        await errorOf(
          api.registrations.moveInWaitlist({ eventId, registrationId: confirmed, beforeId: null }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(
          api.registrations.moveInWaitlist({ eventId, registrationId: w.u1 ?? '', beforeId: confirmed }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await order()).toEqual(['1:g3', '2:u1', '3:g2', '4:u2', '5:g1']);
  });
});

describe('dashboard totals', () => {
  it('counts by status, category, country, option, day (event time zone) and check-in', async () => {
    const h2 = await createHarness();
    try {
      const admin = await h2.signUp('admin@kicox.example', { platformAdmin: true });
      const api2 = h2.caller(admin);
      const ev = (await api2.events.create(tciEvent)).id;
      const db = h2.runtime.db;
      const cat = await insertCategory(db, ev, 'GOV', { capacity: 10, position: 1 });
      const press = await insertCategory(db, ev, 'PRESS', { position: 2 });
      const tour = await insertOption(db, ev, 'TOUR', { capacity: 1 });
      const dinner = await insertOption(db, ev, 'DINNER', { position: 1 });
      // 23:30 UTC on 1 Sept is 08:30 on 2 Sept in Seoul; 3 Sept has nobody; 4 Sept two.
      const a = await insertRegistration(db, ev, cat, {
        country: 'KR',
        createdAt: new Date('2015-09-01T23:30:00Z'),
        checkedInAt: new Date('2015-11-03T00:00:00Z'),
      });
      const b = await insertRegistration(db, ev, cat, {
        country: 'JP',
        status: 'waitlisted',
        createdAt: new Date('2015-09-04T01:00:00Z'),
      });
      await insertRegistration(db, ev, press, {
        country: 'KR',
        status: 'pending',
        createdAt: new Date('2015-09-04T02:00:00Z'),
      });
      await insertRegistration(db, ev, press, {
        country: 'US',
        status: 'cancelled',
        createdAt: new Date('2015-09-01T12:00:00Z'),
      });
      await insertChoice(db, a, tour, 'booked');
      await insertChoice(db, b, tour, 'waitlisted');
      expect(await api2.registrations.stats({ eventId: ev })).toEqual({
        total: 4,
        byStatus: [
          { status: 'pending', count: 1 },
          { status: 'confirmed', count: 1 },
          { status: 'waitlisted', count: 1 },
          { status: 'offered', count: 0 },
          { status: 'awaiting_payment', count: 0 },
          { status: 'cancelled', count: 1 },
          { status: 'rejected', count: 0 },
        ],
        byCategory: [
          {
            categoryId: cat,
            label: { ko: 'GOV 분류', en: 'GOV category' },
            colour: '#1f6feb',
            capacity: 10,
            taken: 1,
            waitlisted: 1,
          },
          {
            categoryId: press,
            label: { ko: 'PRESS 분류', en: 'PRESS category' },
            colour: '#1f6feb',
            capacity: null,
            taken: 1,
            waitlisted: 0,
          },
        ],
        byCountry: [
          { country: 'KR', count: 2 },
          { country: 'JP', count: 1 },
        ],
        byOption: [
          {
            optionId: tour,
            label: { ko: 'TOUR 옵션', en: 'TOUR option' },
            capacity: 1,
            booked: 1,
            waitlisted: 1,
          },
          {
            optionId: dinner,
            label: { ko: 'DINNER 옵션', en: 'DINNER option' },
            capacity: null,
            booked: 0,
            waitlisted: 0,
          },
        ],
        overTime: [
          { date: '2015-09-01', count: 1 },
          { date: '2015-09-02', count: 1 },
          { date: '2015-09-03', count: 0 },
          { date: '2015-09-04', count: 2 },
        ],
        checkedIn: 1,
      });
    } finally {
      await h2.close();
    }
  });

  it('gives zeros for an event without registrations', async () => {
    const ev = (await api.events.create({ ...tciEvent, slug: 'empty-2016' })).id;
    const stats = await api.registrations.stats({ eventId: ev });
    expect(stats).toMatchObject({
      total: 0,
      byCountry: [],
      overTime: [],
      checkedIn: 0,
      byCategory: [],
      byOption: [],
    });
    expect(stats.byStatus.every((s) => s.count === 0)).toBe(true);
  });
});
