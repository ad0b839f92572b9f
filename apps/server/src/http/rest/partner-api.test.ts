import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, ApiRegisterOutput, ApiRegistrationDto, ApiRegistrationPage } from '@plenary/contracts';
import { createHarness, tciEvent, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { allScopes, partnerWithKey } from '../../modules/partners/partners.fixtures';
import { apiClient } from './api-client';

// The partner REST API over real HTTP: keys, scopes, one event per key, and one
// organisation's registrations per key.
let h: TestHarness;
let server: TestServer;
let admin: Actor;
let eventId: string;
let otherEventId: string;
let categories: Record<string, string>;
const keys = {} as Record<'kotra' | 'kicox' | 'otherEvent' | 'readOnly' | 'revoked' | 'everyEvent', string>;

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  const e = await registrationEvent(h, admin, {
    categories: [
      { code: 'GOV', capacity: 3 },
      { code: 'SME', capacity: null },
    ],
  });
  eventId = e.eventId;
  categories = e.categories;
  const other = await h.caller(admin).events.create({
    ...tciEvent,
    slug: 'tci-2016',
    startsAt: '2016-10-18T09:00:00+02:00',
    endsAt: '2016-10-21T18:00:00+02:00',
    timeZone: 'Europe/Rome',
  });
  otherEventId = other.id;
  await h.caller(admin).events.transition({ eventId: otherEventId, to: 'publish' });
  keys.kotra = (await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: allScopes })).key;
  keys.kicox = (await partnerWithKey(h, { name: 'KICOX', eventId, scopes: allScopes })).key;
  keys.otherEvent = (
    await partnerWithKey(h, { name: 'TCI Network', eventId: otherEventId, scopes: allScopes })
  ).key;
  keys.readOnly = (
    await partnerWithKey(h, { name: 'Daegu City', eventId, scopes: ['events:read', 'registrations:read'] })
  ).key;
  keys.everyEvent = (
    await partnerWithKey(h, { name: 'Clusters Europe', eventId: null, scopes: ['events:read'] })
  ).key;
  const revoked = await partnerWithKey(h, { name: 'Old vendor', eventId, scopes: allScopes });
  await h.caller(admin).partners.revokeKey({ eventId, apiKeyId: revoked.apiKeyId });
  keys.revoked = revoked.key;
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const as = (key: keyof typeof keys | null) => apiClient(server.url, key ? keys[key] : null);

async function registerOne(key: keyof typeof keys, overrides: Parameters<typeof participant>[0] = {}) {
  const res = await as(key).post(`/events/${eventId}/registrations`, {
    registration: { categoryId: categories.SME, participant: participant(overrides) },
  });
  expect(res.status).toBe(201);
  return (res.json as ApiRegisterOutput).registrations[0]!;
}

describe('partner API: keys and scopes', () => {
  it('is 401 without a key and with a revoked one, in the API error shape', async () => {
    const unauthenticated = {
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Send a valid API key: Authorization: Bearer <key>',
        fields: {},
      },
    };
    expect(await as(null).get('/events')).toMatchObject({ status: 401, json: unauthenticated });
    expect(await as('revoked').get('/events')).toMatchObject({ status: 401, json: unauthenticated });
    const made = apiClient(server.url, `plk_AAAAAAAAAA_${'B'.repeat(43)}`);
    expect(await made.get('/events')).toMatchObject({ status: 401, json: unauthenticated });
  });

  it('is 403 for a key without the scope', async () => {
    const res = await as('readOnly').post(`/events/${eventId}/registrations`, {
      registration: { categoryId: categories.SME, participant: participant() },
    });
    expect(res).toMatchObject({
      status: 403,
      json: {
        error: { code: 'FORBIDDEN', message: 'This API key lacks the scope registrations:write', fields: {} },
      },
    });
  });

  it('is 404 for an event the key is not for, and for a draft', async () => {
    const draft = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-draft' })).id;
    expect(await as('otherEvent').get('/events/tci-2015')).toMatchObject({
      status: 404,
      json: { error: { code: 'NOT_FOUND', message: 'No such event', fields: {} } },
    });
    expect((await apiClient(server.url, keys.everyEvent).get(`/events/${draft}`)).status).toBe(404);
  });
});

describe('partner API: events and categories', () => {
  it("lists the key's event, or every published event for a key without one", async () => {
    const mine = await as('kotra').get('/events');
    expect(mine.status).toBe(200);
    expect((mine.json as Array<{ slug: string }>).map((e) => e.slug)).toEqual(['tci-2015']);
    const every = await as('everyEvent').get('/events');
    expect((every.json as Array<{ slug: string }>).map((e) => e.slug)).toEqual(['tci-2015', 'tci-2016']);
  });

  it('finds an event by id or by slug', async () => {
    const bySlug = await as('kotra').get('/events/tci-2015');
    const byId = await as('kotra').get(`/events/${eventId}`);
    expect(bySlug.status).toBe(200);
    expect(byId.json).toEqual(bySlug.json);
    expect(bySlug.json).toEqual({
      id: eventId,
      slug: 'tci-2015',
      title: tciEvent.title,
      subtitle: tciEvent.subtitle,
      venueName: tciEvent.venueName,
      venueAddress: tciEvent.venueAddress,
      startsAt: '2015-11-03T00:00:00.000Z',
      endsAt: '2015-11-06T09:00:00.000Z',
      timeZone: 'Asia/Seoul',
      status: 'published',
    });
  });

  it('lists the categories with the places left', async () => {
    const seeded = await h.caller(admin).registrationSetup.categories({ eventId });
    expect(seeded.length).toBe(2);
    await registerOne('kicox');
    const res = await as('kotra').get('/events/tci-2015/categories');
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries((res.json as Array<{ code: string }>).map((c) => [c.code, c]));
    expect(byCode.GOV).toEqual({
      id: categories.GOV,
      code: 'GOV',
      label: { en: 'GOV', ko: 'GOV' },
      description: {},
      visibility: 'public',
      requiresApproval: false,
      opensAt: null,
      closesAt: null,
      fee: null,
      capacity: 3,
      remaining: 3,
      waitlisted: 0,
    });
    expect(byCode.SME).toMatchObject({ capacity: null, remaining: null });
  });
});

describe('partner API: registrations', () => {
  it('registers one person: 201 with the registration, marked as the partner’s', async () => {
    const p = participant({ givenName: 'Min-su', familyName: 'Lee', localName: '이민수', email: 'Minsu.Lee@kotra.example' });
    const res = await as('kotra').post('/events/tci-2015/registrations', {
      registration: { categoryId: categories.GOV, participant: p, locale: 'ko' },
    });
    expect(res.status).toBe(201);
    const out = res.json as ApiRegisterOutput;
    const reg = out.registrations[0]!;
    expect(out.delegationId).toBeNull();
    expect(reg).toEqual({
      id: reg.id,
      eventId,
      reference: reg.reference,
      status: 'confirmed',
      categoryId: categories.GOV,
      participant: { ...p, email: 'minsu.lee@kotra.example' },
      locale: 'ko',
      answers: {},
      options: [],
      waitlistPosition: null,
      offerExpiresAt: null,
      delegationId: null,
      paymentStatus: 'not_required',
      createdAt: reg.createdAt,
      confirmedAt: reg.confirmedAt,
      cancelledAt: null,
    });
    expect(reg.reference).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('registers a delegation in one go, on the waiting list once the category is full', async () => {
    const members = [participant(), participant(), participant()].map((p) => ({ participant: p }));
    const res = await as('kotra').post(`/events/${eventId}/registrations`, {
      delegation: {
        name: 'Ministry of Trade, Industry and Energy',
        contactName: 'Jiwon Park',
        contactEmail: 'jiwon.park@motie.example',
        categoryId: categories.GOV,
        members,
      },
    });
    expect(res.status).toBe(201);
    const out = res.json as ApiRegisterOutput;
    expect(out.delegationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      out.registrations.map((r) => [r.participant.email, r.status, r.waitlistPosition, r.delegationId]),
    ).toEqual([
      [members[0]!.participant.email, 'confirmed', null, out.delegationId],
      [members[1]!.participant.email, 'confirmed', null, out.delegationId],
      [members[2]!.participant.email, 'waitlisted', 1, out.delegationId],
    ]);
  });

  it('refuses a body with both or neither of registration and delegation, naming the field', async () => {
    const res = await as('kotra').post(`/events/${eventId}/registrations`, {});
    expect(res).toMatchObject({
      status: 400,
      json: {
        error: {
          code: 'INVALID_INPUT',
          message: 'Some fields are not valid: registration',
          fields: { registration: ['Send either registration or delegation, not both'] },
        },
      },
    });
  });

  it('names the fields at fault, under registration., for the contract and for the engine', async () => {
    const bad = await as('kotra').post(`/events/${eventId}/registrations`, {
      registration: { categoryId: categories.SME, participant: participant({ email: 'not-an-email' }) },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'Some fields are not valid: registration.participant.email',
        fields: { 'registration.participant.email': ['Enter a valid email address'] },
      },
    });
    const unknownCategory = await as('kotra').post(`/events/${eventId}/registrations`, {
      registration: { categoryId: '00000000-0000-4000-8000-000000000000', participant: participant() },
    });
    expect(unknownCategory).toMatchObject({
      status: 400,
      json: {
        error: {
          code: 'INVALID_INPUT',
          message: 'No such category in this event',
          fields: { 'registration.categoryId': ['No such category in this event'] },
        },
      },
    });
  });

  it("pages through the organisation's own registrations, oldest first", async () => {
    const kotra = as('kotra');
    const all: ApiRegistrationDto[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await kotra.get(
        `/events/${eventId}/registrations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      const page = res.json as ApiRegistrationPage;
      all.push(...page.registrations);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    // One single registration and a delegation of three so far; KICOX's are not in it.
    expect(all.map((r) => r.participant.email)).toEqual([
      'minsu.lee@kotra.example',
      ...all.slice(1).map((r) => r.participant.email),
    ]);
    expect(all.length).toBe(4);
    expect(pages).toBe(2);
    expect(new Set(all.map((r) => r.id)).size).toBe(4);
    expect((await kotra.get(`/events/${eventId}/registrations?cursor=garbage`)).json).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'Pass the nextCursor of the previous page, unchanged',
        fields: { cursor: ['Pass the nextCursor of the previous page, unchanged'] },
      },
    });
  });

  it('shows and cancels one of its registrations; cancelling again changes nothing', async () => {
    const reg = await registerOne('kotra');
    const kotra = as('kotra');
    const shown = await kotra.get(`/events/${eventId}/registrations/${reg.id}`);
    expect([shown.status, shown.json]).toEqual([200, reg]);
    const cancelled = await kotra.delete(`/events/tci-2015/registrations/${reg.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ id: reg.id, status: 'cancelled' });
    expect((cancelled.json as ApiRegistrationDto).cancelledAt).not.toBeNull();
    const again = await kotra.delete(`/events/tci-2015/registrations/${reg.id}`);
    expect([again.status, again.json]).toEqual([200, cancelled.json]);
  });
});

describe("partner API: another organisation's key gets 404 on every route with an id", () => {
  let kotraRegistration: string;
  beforeAll(async () => {
    kotraRegistration = (await registerOne('kotra')).id;
  });
  const notFound = (message: string) => ({ error: { code: 'NOT_FOUND', message, fields: {} } });

  it('GET /events/{eventId}', async () => {
    expect(await as('otherEvent').get(`/events/${eventId}`)).toMatchObject({
      status: 404,
      json: notFound('No such event'),
    });
  });
  it('GET /events/{eventId}/categories', async () => {
    expect(await as('otherEvent').get(`/events/${eventId}/categories`)).toMatchObject({
      status: 404,
      json: notFound('No such event'),
    });
  });
  it('POST /events/{eventId}/registrations', async () => {
    const res = await as('otherEvent').post(`/events/${eventId}/registrations`, {
      registration: { categoryId: categories.SME, participant: participant() },
    });
    expect(res).toMatchObject({ status: 404, json: notFound('No such event') });
  });
  it('GET /events/{eventId}/registrations: another event 404, the same event lists none of KOTRA’s', async () => {
    expect(await as('otherEvent').get(`/events/${eventId}/registrations`)).toMatchObject({
      status: 404,
      json: notFound('No such event'),
    });
    const kicox = (await as('kicox').get(`/events/${eventId}/registrations?limit=200`))
      .json as ApiRegistrationPage;
    expect(kicox.registrations.map((r) => r.id)).not.toContain(kotraRegistration);
    expect(kicox.registrations.length).toBe(1);
  });
  it('GET /events/{eventId}/registrations/{registrationId}', async () => {
    expect(await as('kicox').get(`/events/${eventId}/registrations/${kotraRegistration}`)).toMatchObject({
      status: 404,
      json: notFound('No such registration'),
    });
    expect((await as('otherEvent').get(`/events/${eventId}/registrations/${kotraRegistration}`)).status).toBe(
      404,
    );
    expect(
      (await as('otherEvent').get(`/events/${otherEventId}/registrations/${kotraRegistration}`)).status,
    ).toBe(404);
  });
  it('DELETE /events/{eventId}/registrations/{registrationId}, and the registration is untouched', async () => {
    expect(await as('kicox').delete(`/events/${eventId}/registrations/${kotraRegistration}`)).toMatchObject({
      status: 404,
      json: notFound('No such registration'),
    });
    expect(
      (await as('otherEvent').delete(`/events/${otherEventId}/registrations/${kotraRegistration}`)).status,
    ).toBe(404);
    const still = await as('kotra').get(`/events/${eventId}/registrations/${kotraRegistration}`);
    expect(still.json).toMatchObject({ status: 'confirmed' });
  });
});
