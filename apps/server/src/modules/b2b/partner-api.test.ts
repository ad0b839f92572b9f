import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { count, eq, schema } from '@plenary/db';
import { dispatchDomainEvents } from '../domain-events/dispatcher';
import type { Actor, ApiB2bMeetingDto, MeetingDto, ProfileDto } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { apiClient } from '../../http/rest/api-client';
import { partnerWithKey } from '../partners/partners.fixtures';
import { fairFixture } from './b2b-fixtures';

// The B2B fair over the partner REST API (issue 14, item 10), over real HTTP: a
// partner creates its delegation's company profiles, sees their meetings and
// records outcomes, and every route that takes an id answers 404 for a profile
// or meeting of another partner, of another event, or entered by staff.
let h: TestHarness;
let server: TestServer;
let admin: Actor;
let eventId: string;
let otherEventId: string;
const keys = {} as Record<'kotra' | 'kicox' | 'otherEvent' | 'readOnly' | 'noB2b', string>;
/** Kotra's buyer, staff's seller, their held meeting; and a profile and meeting of event B. */
let kotraBuyer: ProfileDto;
let staffSeller: ProfileDto;
let meeting: MeetingDto;
let otherProfileId: string;
let otherMeetingId: string;
const partnerIds = {} as Record<'kotra' | 'kicox', string>;

const buyerBody = (organisationName: string) => ({
  side: 'buyer',
  organisationName,
  country: 'VN',
  products: [{ hsCode: '870829', description: 'body parts', keywords: ['bumper'] }],
  languages: ['en', 'vi'],
  volumes: '2 containers a month',
  priceMin: 1000,
  priceMax: 5000,
  priceCurrency: 'USD',
  submit: true,
});
const outcomeBody = {
  productsDiscussed: 'bumpers',
  interest: 4,
  stage: 'contract_in_progress',
  estimatedValue: 250_000,
  currency: 'USD',
};

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('coordinator@kotra.example', { platformAdmin: true });
  const a = await fairFixture(h, admin, 'b2b-api-a');
  const b = await fairFixture(h, admin, 'b2b-api-b');
  eventId = a.eventId;
  otherEventId = b.eventId;
  for (const id of [eventId, otherEventId]) await a.staff.events.transition({ eventId: id, to: 'publish' });
  const both = ['b2b:read', 'b2b:write'] as const;
  const kotra = await partnerWithKey(h, { name: 'KOTRA Hanoi', eventId, scopes: [...both] });
  const kicox = await partnerWithKey(h, { name: 'KICOX', eventId, scopes: [...both] });
  [keys.kotra, keys.kicox] = [kotra.key, kicox.key];
  [partnerIds.kotra, partnerIds.kicox] = [kotra.partnerId, kicox.partnerId];
  const otherPartner = await partnerWithKey(h, {
    name: 'TCI Network',
    eventId: otherEventId,
    scopes: [...both],
  });
  keys.otherEvent = otherPartner.key;
  keys.readOnly = (await partnerWithKey(h, { name: 'Daegu City', eventId, scopes: ['b2b:read'] })).key;
  keys.noB2b = (await partnerWithKey(h, { name: 'Busan TP', eventId, scopes: ['events:read'] })).key;

  const created = await as('kotra').post(`/events/${eventId}/b2b/profiles`, buyerBody('Hanoi Motors'));
  expect(created.status).toBe(201);
  kotraBuyer = created.json as ProfileDto;
  await a.staff.b2b.setProfileStatus({ eventId, profileId: kotraBuyer.id, status: 'validated' });
  staffSeller = await a.profile('Daegu Precision', { side: 'seller', country: 'KR' });
  meeting = await a.staff.b2b.scheduleMeeting({
    eventId,
    buyerProfileId: kotraBuyer.id,
    sellerProfileId: staffSeller.id,
    slotId: a.fair.slots[0]!.id,
    tableId: a.fair.tables[0]!.id,
  });
  await a.staff.b2b.setMeetingStatus({ eventId, meetingId: meeting.id, status: 'held' });

  // Event B: the other event's partner's own buyer, met and held there.
  const theirs = await apiClient(server.url, keys.otherEvent).post(
    `/events/${otherEventId}/b2b/profiles`,
    buyerBody('Milano Ricambi'),
  );
  otherProfileId = (theirs.json as ProfileDto).id;
  await b.staff.b2b.setProfileStatus({
    eventId: otherEventId,
    profileId: otherProfileId,
    status: 'validated',
  });
  const seller = await b.profile('Busan Parts', { side: 'seller', country: 'KR' });
  const m = await b.staff.b2b.scheduleMeeting({
    eventId: otherEventId,
    buyerProfileId: otherProfileId,
    sellerProfileId: seller.id,
    slotId: b.fair.slots[0]!.id,
    tableId: b.fair.tables[0]!.id,
  });
  await b.staff.b2b.setMeetingStatus({ eventId: otherEventId, meetingId: m.id, status: 'held' });
  otherMeetingId = m.id;
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const as = (key: keyof typeof keys) => apiClient(server.url, keys[key]);

describe('B2B partner API: its own companies', () => {
  it('creates a buyer profile tied to the shared organisation, waiting for the coordinator', async () => {
    const res = await as('kicox').post(`/events/b2b-api-a/b2b/profiles`, {
      ...buyerBody('Saigon Auto'),
      submit: false,
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      side: 'buyer',
      status: 'draft',
      organisationName: { en: 'Saigon Auto' },
      country: 'VN',
      languages: ['en', 'vi'],
      products: [{ hsCode: '870829', description: 'body parts', keywords: ['bumper'] }],
      priceMin: 1000,
      priceMax: 5000,
      priceCurrency: 'USD',
      contactPersonId: null,
    });
    const staffView = await h.caller(admin).b2b.profiles({ eventId, side: 'buyer', status: 'draft' });
    expect(staffView.map((p) => p.organisationName.en)).toEqual(['Saigon Auto']);
  });

  it('lists only the profiles its own keys created', async () => {
    const kotra = await as('kotra').get(`/events/${eventId}/b2b/profiles`);
    expect(kotra.status).toBe(200);
    expect((kotra.json as ProfileDto[]).map((p) => p.id)).toEqual([kotraBuyer.id]);
    const kicox = (await as('kicox').get(`/events/${eventId}/b2b/profiles?side=seller`)).json as ProfileDto[];
    expect(kicox).toEqual([]);
  });

  it('changes its profile; a validated profile goes back to the coordinator', async () => {
    const { side: _side, organisationName: _name, ...fields } = buyerBody('ignored');
    const res = await as('kotra').put(`/events/${eventId}/b2b/profiles/${kotraBuyer.id}`, {
      ...fields,
      volumes: '3 containers a month',
      submit: false,
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: kotraBuyer.id, volumes: '3 containers a month', status: 'draft' });
    await h.caller(admin).b2b.setProfileStatus({ eventId, profileId: kotraBuyer.id, status: 'validated' });
  });

  it("does not take over a company's profile that someone else entered (409)", async () => {
    const res = await as('kicox').post(`/events/${eventId}/b2b/profiles`, buyerBody('Hanoi Motors'));
    expect(res).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
    const staffs = await as('kotra').post(`/events/${eventId}/b2b/profiles`, {
      ...buyerBody('Daegu Precision'),
      side: 'seller',
      country: 'KR',
    });
    expect(staffs.status).toBe(409);
  });

  it("sees its companies' meetings, records an outcome and reads it back", async () => {
    const list = await as('kotra').get(`/events/${eventId}/b2b/meetings`);
    expect(list.status).toBe(200);
    expect((list.json as MeetingDto[]).map((m) => [m.id, m.tableName, m.status])).toEqual([
      [meeting.id, 'A1', 'held'],
    ]);
    expect((await as('kicox').get(`/events/${eventId}/b2b/meetings`)).json).toEqual([]);

    const put = await as('kotra').put(`/events/${eventId}/b2b/meetings/${meeting.id}/outcome`, outcomeBody);
    expect(put.status).toBe(200);
    const one = await as('kotra').get(`/events/${eventId}/b2b/meetings/${meeting.id}`);
    expect(one.status).toBe(200);
    expect((one.json as ApiB2bMeetingDto).outcome).toEqual({
      productsDiscussed: 'bumpers',
      interest: 4,
      stage: 'contract_in_progress',
      estimatedValue: 250_000,
      currency: 'USD',
      signedAmount: null,
      signedOn: null,
    });
    const dashboard = await h.caller(admin).b2b.dashboard({ eventId });
    expect([dashboard.contractsInProgress, dashboard.inProgressUsd]).toEqual([1, 250_000]);
  });

  it('says which field is at fault in a bad body (400)', async () => {
    const res = await as('kotra').put(`/events/${eventId}/b2b/meetings/${meeting.id}/outcome`, {
      ...outcomeBody,
      currency: null,
    });
    expect(res).toMatchObject({ status: 400, json: { error: { code: 'INVALID_INPUT' } } });
    expect(Object.keys((res.json as { error: { fields: object } }).error.fields)).toEqual(['currency']);
  });
});

describe('B2B partner API: BOLA, scopes', () => {
  const { side: _s, organisationName: _n, ...profileFields } = buyerBody('x');
  /** Every route that takes an id, for a key and an event path. */
  const idRoutes = (e: string, profileId: string, meetingId: string) => [
    (k: keyof typeof keys) => as(k).get(`/events/${e}/b2b/profiles/${profileId}`),
    (k: keyof typeof keys) => as(k).put(`/events/${e}/b2b/profiles/${profileId}`, profileFields),
    (k: keyof typeof keys) => as(k).get(`/events/${e}/b2b/meetings/${meetingId}`),
    (k: keyof typeof keys) => as(k).put(`/events/${e}/b2b/meetings/${meetingId}/outcome`, outcomeBody),
  ];

  it('is 404 on every id route for a key of another organisation of the same event', async () => {
    for (const call of idRoutes(eventId, kotraBuyer.id, meeting.id)) {
      const res = await call('kicox');
      expect(res).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
    }
  });

  it('is 404 on every id route for a key of another event, by its event or by ours', async () => {
    for (const call of [
      ...idRoutes(eventId, kotraBuyer.id, meeting.id),
      ...idRoutes(otherEventId, kotraBuyer.id, meeting.id),
    ])
      expect((await call('otherEvent')).status).toBe(404);
    // And event B's own objects named under event A by A's partner.
    for (const call of idRoutes(eventId, otherProfileId, otherMeetingId))
      expect((await call('kotra')).status).toBe(404);
  });

  it('is 404 for a profile staff entered, and for a meeting the partner is not in', async () => {
    expect((await as('kotra').get(`/events/${eventId}/b2b/profiles/${staffSeller.id}`)).status).toBe(404);
    expect(
      (await as('kotra').put(`/events/${eventId}/b2b/profiles/${staffSeller.id}`, profileFields)).status,
    ).toBe(404);
  });

  it('leaves the objects as they were after the refused writes', async () => {
    const one = (await as('kotra').get(`/events/${eventId}/b2b/meetings/${meeting.id}`))
      .json as ApiB2bMeetingDto;
    expect(one.outcome?.estimatedValue).toBe(250_000);
    const theirs = await apiClient(server.url, keys.otherEvent).get(
      `/events/${otherEventId}/b2b/meetings/${otherMeetingId}`,
    );
    expect((theirs.json as ApiB2bMeetingDto).outcome).toBeNull();
  });

  it('is 403 for a key without the scope', async () => {
    const write = await as('readOnly').post(`/events/${eventId}/b2b/profiles`, buyerBody('Hue Trading'));
    expect(write).toMatchObject({
      status: 403,
      json: { error: { code: 'FORBIDDEN', message: 'This API key lacks the scope b2b:write' } },
    });
    expect(
      (await as('readOnly').put(`/events/${eventId}/b2b/meetings/${meeting.id}/outcome`, outcomeBody)).status,
    ).toBe(403);
    expect((await as('readOnly').get(`/events/${eventId}/b2b/meetings`)).status).toBe(200);
    const read = await as('noB2b').get(`/events/${eventId}/b2b/meetings`);
    expect(read).toMatchObject({
      status: 403,
      json: { error: { message: 'This API key lacks the scope b2b:read' } },
    });
    expect((await as('noB2b').get(`/events/${eventId}/b2b/profiles/${kotraBuyer.id}`)).status).toBe(403);
  });

  it('is in the OpenAPI document, each route behind the key', async () => {
    const doc = (await apiClient(server.url, null).get('/openapi.json')).json as {
      paths: Record<string, Record<string, { security?: unknown; tags?: string[] }>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([p]) => p.includes('/b2b/'))
      .flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes.sort()).toEqual([
      'GET /events/{eventId}/b2b/meetings',
      'GET /events/{eventId}/b2b/meetings/{meetingId}',
      'GET /events/{eventId}/b2b/profiles',
      'GET /events/{eventId}/b2b/profiles/{profileId}',
      'POST /events/{eventId}/b2b/profiles',
      'PUT /events/{eventId}/b2b/meetings/{meetingId}/outcome',
      'PUT /events/{eventId}/b2b/profiles/{profileId}',
    ]);
    for (const [p, item] of Object.entries(doc.paths))
      if (p.includes('/b2b/'))
        for (const op of Object.values(item))
          expect([op.security, op.tags]).toEqual([[{ apiKey: [] }], ['B2B fair']]);
  });
});

describe('B2B webhooks', () => {
  it("tell each partner about its own companies' meetings, and no other partner", async () => {
    const staff = h.caller(admin);
    const subscribe = (partnerId: string, host: string) =>
      staff.webhooks.create({
        eventId,
        partnerId,
        url: `https://${host}/plenary`,
        eventTypes: ['meeting.scheduled', 'meeting.changed', 'meeting.outcome_recorded'],
      });
    const kotraHook = await subscribe(partnerIds.kotra, 'hooks.kotra.example');
    const kicoxHook = await subscribe(partnerIds.kicox, 'hooks.kicox.example');
    const fair = (await staff.b2b.fair({ eventId }))!;
    const seller = await staff.b2b.saveProfile({
      eventId,
      side: 'seller',
      organisationName: 'Gumi Electronics',
      country: 'KR',
      products: [{ hsCode: '8708', description: 'parts', keywords: [] }],
      languages: ['en'],
      submit: true,
    });
    await staff.b2b.setProfileStatus({ eventId, profileId: seller.id, status: 'validated' });
    const m = await staff.b2b.scheduleMeeting({
      eventId,
      buyerProfileId: kotraBuyer.id,
      sellerProfileId: seller.id,
      slotId: fair.slots[1]!.id,
      tableId: fair.tables[1]!.id,
    });
    await staff.b2b.setMeetingStatus({ eventId, meetingId: m.id, status: 'published' });
    await dispatchDomainEvents(h.runtime);
    const deliveries = async (subscriptionId: string) =>
      h.runtime.db
        .select({ type: schema.webhookDeliveries.eventType, payload: schema.webhookDeliveries.payload })
        .from(schema.webhookDeliveries)
        .where(eq(schema.webhookDeliveries.subscriptionId, subscriptionId))
        .orderBy(schema.webhookDeliveries.createdAt);
    // Events recorded before it subscribed (the first meeting's) are dispatched now too: look at this one's.
    const mine = (await deliveries(kotraHook.id)).filter(
      (d) => (d.payload as { data: { meeting: { id: string } } }).data.meeting.id === m.id,
    );
    expect(mine.map((d) => d.type).sort()).toEqual(['meeting.changed', 'meeting.scheduled']);
    const data = (mine[0]!.payload as { data: Record<string, unknown> }).data;
    expect(Object.keys(data)).toEqual(['meeting']);
    expect(data.meeting).toMatchObject({ id: m.id, eventId, table: 'A2', slotIndex: 1 });
    expect(await deliveries(kicoxHook.id)).toEqual([]);
  });
});

describe('B2B partner API: no input makes a 500', () => {
  const nasty = fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '세계',
    '../../etc',
    "'; drop table b2b_profiles; --",
    'x'.repeat(3000),
  );
  const text = fc.oneof(fc.string({ maxLength: 80 }), nasty);
  const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  /** Bodies that are often almost right: the valid one with some fields replaced by anything. */
  const body = (valid: Record<string, unknown>) =>
    fc.oneof(
      fc.anything(),
      fc
        .dictionary(
          fc.constantFrom(...Object.keys(valid), 'eventId', 'profileId', 'partnerId'),
          fc.oneof(scalar, fc.array(scalar)),
        )
        .map((broken) => ({ ...valid, ...broken })),
    );
  const id = fc.oneof(fc.uuid(), text, fc.constantFrom('00000000-0000-4000-8000-000000000000'));
  function encode(t: string): string {
    return [...Buffer.from(t, 'utf8')].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
  }
  function expectJsonError(status: number, json: unknown) {
    expect(status).toBeLessThan(500);
    if (status < 400) return;
    const error = (json as { error?: { code?: unknown; message?: unknown } }).error;
    expect([typeof error?.code, typeof error?.message]).toEqual(['string', 'string']);
  }
  const profiles = async () => (await h.runtime.db.select({ n: count() }).from(schema.b2bProfiles))[0]!.n;

  it('answers every generated profile write with a 2xx or a JSON 4xx; a refused one writes nothing', async () => {
    const { side: _s, organisationName: _n, ...fields } = buyerBody('x');
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.oneof(fc.constant(kotraBuyer.id), id),
        body(buyerBody('Fuzz Trading')),
        body(fields),
        async (create, profileId, createBody, putBody) => {
          const before = await profiles();
          const res = create
            ? await as('kotra').post(`/events/${eventId}/b2b/profiles`, createBody)
            : await as('kotra').put(`/events/${eventId}/b2b/profiles/${encode(profileId)}`, putBody);
          expectJsonError(res.status, res.json);
          if (res.status >= 400) expect(await profiles()).toBe(before);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('answers every generated outcome and read with a 2xx or a JSON 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(meeting.id), id),
        fc.oneof(fc.constant(eventId), fc.constant('b2b-api-a'), text),
        body(outcomeBody),
        async (meetingId, event, outcome) => {
          const put = await as('kotra').put(
            `/events/${encode(event)}/b2b/meetings/${encode(meetingId)}/outcome`,
            outcome,
          );
          expectJsonError(put.status, put.json);
          const get = await as('kotra').get(`/events/${encode(event)}/b2b/meetings/${encode(meetingId)}`);
          expectJsonError(get.status, get.json);
        },
      ),
      { numRuns: 80 },
    );
  });
});
