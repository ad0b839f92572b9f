import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@plenary/db';
import type { Actor, RegistrationListInput } from '@plenary/contracts';
import { createHarness, errorOf, tciEvent, type AppCaller, type TestHarness } from '../../../testing/harness';
import { insertCategory, insertOption, insertRegistration } from './fixtures';

let h: TestHarness;
let api: AppCaller;
let eventId: string;
let catA: string;
let catB: string;
let optionId: string;

const N = 10_000;
const statuses = ['pending', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'rejected'] as const;
const countries = ['KR', 'US', 'JP', 'DE'] as const;
const base = Date.parse('2015-09-01T00:00:00Z');

/** What the database holds, computed the same way in JavaScript, to derive each expected answer. */
interface Row {
  reference: string;
  status: string;
  categoryId: string;
  country: string;
  givenName: string;
  familyName: string;
  localName: string | null;
  email: string;
  organisation: string;
  createdAt: number;
  checkedIn: boolean;
  hasOption: boolean;
  visa: 'requested' | 'approved' | null;
}
const model: Row[] = [];

const pad = (i: number) => String(i).padStart(5, '0');

beforeAll(async () => {
  h = await createHarness();
  const admin: Actor = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
  eventId = (await api.events.create(tciEvent)).id;
  const db = h.runtime.db;
  catA = await insertCategory(db, eventId, 'GOV');
  catB = await insertCategory(db, eventId, 'UNI');
  optionId = await insertOption(db, eventId, 'TOUR');

  // 10,000 participants (and their persons) in one statement each.
  await db.execute(sql`
    insert into persons (email, given_name, family_name, country)
    select 'p' || i || '@example.org', 'Given' || i, 'Family' || lpad(i::text, 5, '0'), (array['KR','US','JP','DE'])[1 + i % 4]
    from generate_series(1, ${N}) as i`);
  await db.execute(sql`
    insert into registrations (event_id, category_id, reference, status, source, person_id,
                               organisation, manage_token_hash, ticket_code, created_at, checked_in_at)
    select ${eventId}, case when i % 2 = 0 then ${catA}::uuid else ${catB}::uuid end,
           'R' || lpad(i::text, 5, '0'),
           (array['pending','confirmed','waitlisted','offered','cancelled','rejected'])[1 + i % 6],
           'portal', (select p.id from persons p where p.email = 'p' || i || '@example.org'),
           'Org ' || (i % 100), 'tok' || i, 'tic' || i,
           ${new Date(base).toISOString()}::timestamptz + i * interval '1 minute',
           case when i % 10 = 0 then ${new Date(base).toISOString()}::timestamptz + interval '60 days' end
    from generate_series(1, ${N}) as i`);
  await db.execute(sql`
    insert into registration_choices (registration_id, option_id, status)
    select id, ${optionId}, 'booked' from registrations
    where event_id = ${eventId} and substring(reference from 2)::int % 3 = 0`);
  await db.execute(sql`
    insert into visa_letter_requests (event_id, registration_id, status)
    select event_id, id, case when substring(reference from 2)::int % 14 = 0 then 'approved' else 'requested' end
    from registrations where event_id = ${eventId} and substring(reference from 2)::int % 7 = 0`);

  for (let i = 1; i <= N; i++) {
    model.push({
      reference: `R${pad(i)}`,
      status: statuses[i % 6] ?? '',
      categoryId: i % 2 === 0 ? catA : catB,
      country: countries[i % 4] ?? '',
      givenName: `Given${i}`,
      familyName: `Family${pad(i)}`,
      localName: null,
      email: `p${i}@example.org`,
      organisation: `Org ${i % 100}`,
      createdAt: base + i * 60_000,
      checkedIn: i % 10 === 0,
      hasOption: i % 3 === 0,
      visa: i % 14 === 0 ? 'approved' : i % 7 === 0 ? 'requested' : null,
    });
  }
  // Rows whose text holds the characters LIKE treats as wildcards, and a Korean name.
  const special = [
    { reference: 'X0001', organisation: '100% Cotton_Co', familyName: 'Kim', localName: null },
    { reference: 'X0002', organisation: 'Cotton Co', familyName: 'Lee', localName: '김민준' },
  ];
  for (const [k, s] of special.entries()) {
    const createdAt = Date.parse('2015-08-01T00:00:00Z') + k * 60_000;
    await insertRegistration(db, eventId, catA, {
      ...s,
      givenName: 'Minjun',
      email: `x${k}@example.org`,
      createdAt: new Date(createdAt),
    });
    model.push({
      ...s,
      status: 'confirmed',
      categoryId: catA,
      country: 'KR',
      givenName: 'Minjun',
      email: `x${k}@example.org`,
      createdAt,
      checkedIn: false,
      hasOption: false,
      visa: null,
    });
  }
  // Another event's registration never shows.
  const other = (await api.events.create({ ...tciEvent, slug: 'tci-2016' })).id;
  await insertRegistration(db, other, await insertCategory(db, other, 'GOV'), { familyName: 'Family00001' });
}, 120_000);
afterAll(() => h.close());

function expected(
  filter: (r: Row) => boolean,
  compare: (a: Row, b: Row) => number,
  offset: number,
  limit: number,
): { references: string[]; total: number } {
  const matches = model.filter(filter).sort(compare);
  return { references: matches.slice(offset, offset + limit).map((r) => r.reference), total: matches.length };
}

async function list(input: Omit<Partial<RegistrationListInput>, 'eventId'>) {
  const page = await api.registrations.list({ eventId, ...input });
  return { references: page.rows.map((r) => r.reference), total: page.total };
}

const byCreatedDesc = (a: Row, b: Row) => b.createdAt - a.createdAt;
const byFamilyAsc = (a: Row, b: Row) =>
  a.familyName < b.familyName ? -1 : a.familyName > b.familyName ? 1 : 0;

describe('the participant list over 10,000 registrations', () => {
  it('gives the newest first by default, 50 at a time, with the total', async () => {
    const page = await api.registrations.list({ eventId });
    expect(page.total).toBe(N + 2);
    expect(page.rows.map((r) => r.reference)).toEqual(expected(() => true, byCreatedDesc, 0, 50).references);
    expect(page.rows[0]).toEqual({
      id: expect.any(String) as string,
      reference: 'R10000',
      status: 'cancelled',
      categoryId: catA,
      categoryLabel: { ko: 'GOV 분류', en: 'GOV category' },
      categoryColour: '#1f6feb',
      givenName: 'Given10000',
      familyName: 'Family10000',
      localName: null,
      email: 'p10000@example.org',
      organisation: 'Org 0',
      country: 'KR',
      paymentStatus: 'not_required',
      checkedInAt: '2015-10-31T00:00:00.000Z',
      visaLetterStatus: null,
      createdAt: '2015-09-07T22:40:00.000Z',
    });
  });

  it('combines status, category and country filters with sorting and an offset', async () => {
    const filter = (r: Row) =>
      ['pending', 'confirmed'].includes(r.status) && r.categoryId === catA && r.country === 'KR';
    const got = await list({
      statuses: ['pending', 'confirmed'],
      categoryIds: [catA],
      countries: ['kr'],
      sort: 'familyName',
      direction: 'asc',
      offset: 20,
      limit: 30,
    });
    expect(got).toEqual(expected(filter, byFamilyAsc, 20, 30));
    expect(got.total).toBe(835);
  });

  it('searches names, email, organisation and reference, case-insensitively', async () => {
    const term = 'family0012';
    const filter = (r: Row) =>
      [r.givenName, r.familyName, r.localName ?? '', r.email, r.organisation, r.reference].some((v) =>
        v.toLowerCase().includes(term),
      );
    expect(await list({ search: 'FAMILY0012', sort: 'familyName', direction: 'asc', limit: 200 })).toEqual(
      expected(filter, byFamilyAsc, 0, 200),
    );
    expect(await list({ search: 'p777@' })).toEqual({ references: ['R00777'], total: 1 });
    expect(await list({ search: 'r09999' })).toEqual({ references: ['R09999'], total: 1 });
    expect(await list({ search: '김민' })).toEqual({ references: ['X0002'], total: 1 });
  });

  it('takes % and _ in the search box literally', async () => {
    expect(await list({ search: '%' })).toEqual({ references: ['X0001'], total: 1 });
    expect(await list({ search: '_' })).toEqual({ references: ['X0001'], total: 1 });
    expect(await list({ search: 'n_c' })).toEqual({ references: ['X0001'], total: 1 });
    expect(await list({ search: 'cotton co', sort: 'reference', direction: 'asc' })).toEqual({
      references: ['X0002'],
      total: 1,
    });
  });

  it('filters by option, check-in and visa letter', async () => {
    expect(
      await list({ optionId, checkedIn: true, sort: 'reference', direction: 'asc', limit: 200 }),
    ).toEqual(
      expected(
        (r) => r.hasOption && r.checkedIn,
        (a, b) => a.reference.localeCompare(b.reference),
        0,
        200,
      ),
    );
    expect((await list({ checkedIn: false })).total).toBe(model.filter((r) => !r.checkedIn).length);
    expect((await list({ visaLetter: 'none' })).total).toBe(model.filter((r) => r.visa === null).length);
    expect((await list({ visaLetter: 'requested' })).total).toBe(
      model.filter((r) => r.visa === 'requested').length,
    );
    expect(await list({ visaLetter: 'approved', limit: 5 })).toEqual(
      expected((r) => r.visa === 'approved', byCreatedDesc, 0, 5),
    );
    expect((await list({ visaLetter: 'rejected' })).total).toBe(0);
  });

  it('pages consistently when many rows share the sort value (the id breaks ties)', async () => {
    const all = await list({ sort: 'organisation', direction: 'desc', limit: 200 });
    const first = await list({ sort: 'organisation', direction: 'desc', limit: 100 });
    const second = await list({ sort: 'organisation', direction: 'desc', offset: 100, limit: 100 });
    expect([...first.references, ...second.references]).toEqual(all.references);
    expect(new Set(all.references).size).toBe(200);
  });

  it('returns an empty page past the end, with the total', async () => {
    expect(await list({ offset: 20_000 })).toEqual({ references: [], total: N + 2 });
  });

  it('refuses a sort column outside the list', async () => {
    const err = await errorOf(api.registrations.list({ eventId, sort: 'email' as 'reference' }));
    expect(err.code).toBe('BAD_REQUEST');
  });
});
