import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, PersonActor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { registrationEvent } from '../../testing/registration-fixtures';
import { signInPerson } from '../../testing/persons';
import { partnerWithKey } from '../partners/partners.fixtures';
import { apiClient } from '../../http/rest/api-client';
import { instantToWallClock } from './zoned-time';

// The partner API's programme over real HTTP: scope, one event per key, nothing before release.
let h: TestHarness;
let server: TestServer;
let admin: Actor;
let eventId: string;
let otherEventId: string;
let alice: PersonActor;
const papers: string[] = [];
const keys = {} as Record<'programme' | 'otherEvent' | 'noScope', string>;

const HOUR = 3_600_000;
const local = (ms: number) => instantToWallClock(new Date(h.runtime.now().getTime() + ms), 'Asia/Seoul');
const path = () => `/events/${eventId}/programme/papers`;
const as = (key: keyof typeof keys) => apiClient(server.url, keys[key]);

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  eventId = (await registrationEvent(h, admin, { categories: [{ code: 'OPEN' }] })).eventId;
  otherEventId = (await registrationEvent(h, admin, { slug: 'tci-2016', categories: [{ code: 'OPEN' }] }))
    .eventId;
  keys.programme = (await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: ['programme:read'] })).key;
  keys.otherEvent = (
    await partnerWithKey(h, { name: 'TCI Network', eventId: otherEventId, scopes: ['programme:read'] })
  ).key;
  keys.noScope = (await partnerWithKey(h, { name: 'Daegu City', eventId, scopes: ['events:read'] })).key;
  const staff = h.caller(admin).papers;
  await staff.saveSettings({
    eventId,
    opensAt: local(-HOUR),
    deadline: local(HOUR),
    graceMinutes: 0,
    blindMode: 'double',
  });
  const trackId = (
    await staff.saveTrack({
      eventId,
      code: 'cluster',
      name: { en: 'Cluster policy', ko: '클러스터 정책' },
      position: 0,
    })
  ).id;
  const typeId = (
    await staff.saveType({
      eventId,
      kind: 'full_paper',
      name: { en: 'Full paper' },
      pageLimit: null,
      abstractWordLimit: null,
      fileRequired: false,
      maxMegabytes: 1,
      position: 0,
    })
  ).id;
  alice = (await signInPerson(h, 'alice@example.org')).person;
  const me = h.caller(null, {}, { person: alice }).mySubmissions;
  for (const title of ['Clusters after the crisis', 'A weaker paper']) {
    const made = await me.create({
      eventId,
      trackId,
      typeId,
      title: { en: title },
      abstract: { en: `About ${title}` },
      keywords: [],
      authors: [
        {
          email: 'alice@example.org',
          givenName: 'Alice',
          familyName: 'Kim',
          affiliation: 'Keimyung University',
          country: 'KR',
          orcid: null,
          presenting: true,
        },
        {
          email: 'dan@example.org',
          givenName: 'Dan',
          familyName: 'Soto',
          affiliation: 'Universidad de Chile',
          country: 'CL',
          orcid: null,
          presenting: false,
        },
      ],
    });
    await me.submit({ submissionId: made.id, consents: [] });
    papers.push(made.id);
  }
}, 120_000);
afterAll(async () => {
  await server.close();
  await h.close();
});

describe('partner API: accepted papers', () => {
  it('is in the OpenAPI document', async () => {
    const doc = (await apiClient(server.url, null).get('/openapi.json')).json as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain('/events/{eventId}/programme/papers');
  });

  it('shows nothing before release, even with pending acceptances', async () => {
    await h.caller(admin).decisions.record({ eventId, submissionIds: [papers[0]!], kind: 'accept_oral' });
    await h.caller(admin).decisions.record({ eventId, submissionIds: [papers[1]!], kind: 'reject' });
    expect(await as('programme').get(path())).toMatchObject({ status: 200, json: [] });
  });

  it('lists the accepted papers after release: byline in order with affiliation and country, no emails', async () => {
    await h.caller(admin).decisions.release({ eventId });
    const res = await as('programme').get(path());
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      {
        id: papers[0],
        title: { en: 'Clusters after the crisis' },
        abstract: { en: 'About Clusters after the crisis' },
        track: { code: 'cluster', name: { en: 'Cluster policy', ko: '클러스터 정책' } },
        type: { kind: 'full_paper', name: { en: 'Full paper' } },
        decision: {
          kind: 'accept_oral',
          name: { en: 'Accepted as oral presentation', ko: '구두 발표 채택' },
        },
        authors: [
          {
            position: 1,
            givenName: 'Alice',
            familyName: 'Kim',
            affiliation: 'Keimyung University',
            country: 'KR',
            presenting: true,
          },
          {
            position: 2,
            givenName: 'Dan',
            familyName: 'Soto',
            affiliation: 'Universidad de Chile',
            country: 'CL',
            presenting: false,
          },
        ],
      },
    ]);
    expect(JSON.stringify(res.json)).not.toContain('@example.org');
  });

  it('is 404 for another partner’s event (BOLA) and 403 without the scope', async () => {
    const other = await as('otherEvent').get(path());
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.json)).not.toContain('Clusters');
    expect((await as('noScope').get(path())).status).toBe(403);
    expect((await as('otherEvent').get(`/events/${otherEventId}/programme/papers`)).json).toEqual([]);
  });
});
