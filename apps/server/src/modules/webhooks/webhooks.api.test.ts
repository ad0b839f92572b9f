import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, tciEvent, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { apiClient } from '../../http/rest/api-client';
import { partnerWithKey } from '../partners/partners.fixtures';

// A partner manages its own webhook subscriptions over the REST API (/api/v1).
let h: TestHarness;
let server: TestServer;
let admin: Actor;
let eventId: string;
let kotra: { partnerId: string; key: string };
let kicox: { partnerId: string; key: string };
let readOnly: { key: string };
let elsewhere: { key: string };

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create(tciEvent)).id;
  const otherEvent = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-2016' })).id;
  // Partners see published events only.
  await h.caller(admin).events.transition({ eventId, to: 'publish' });
  await h.caller(admin).events.transition({ eventId: otherEvent, to: 'publish' });
  kotra = await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: ['webhooks:manage'] });
  kicox = await partnerWithKey(h, { name: 'KICOX', eventId: null, scopes: ['webhooks:manage'] });
  readOnly = await partnerWithKey(h, { name: 'Read Only', eventId, scopes: ['events:read'] });
  elsewhere = await partnerWithKey(h, {
    name: 'Elsewhere',
    eventId: otherEvent,
    scopes: ['webhooks:manage'],
  });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

const subscription = { url: 'https://hooks.kotra.example/plenary', eventTypes: ['registration.created'] };

describe('webhooks in the partner API', () => {
  it('creates (201, with the secret once), lists its own, and removes', async () => {
    const api = apiClient(server.url, kotra.key);
    // The event by slug, as partners may name it.
    const created = await api.post('/events/tci-2015/webhooks', subscription);
    expect(created.status).toBe(201);
    const body = created.json as { id: string; eventId: string; url: string; secret: string };
    expect(body).toMatchObject({ eventId, url: subscription.url, eventTypes: ['registration.created'] });
    expect(body.secret).toMatch(/^whsec_/);

    const theirs = await apiClient(server.url, kicox.key).post(`/events/${eventId}/webhooks`, {
      url: 'https://kicox.example/hook',
      eventTypes: ['registration.confirmed', 'registration.checked_in'],
    });
    expect(theirs.status).toBe(201);

    const listed = await api.get(`/events/${eventId}/webhooks`);
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({
      webhooks: [
        {
          id: body.id,
          eventId,
          url: subscription.url,
          eventTypes: ['registration.created'],
          createdAt: expect.any(String) as unknown,
        },
      ],
    });

    // Another partner's subscription is missing for this key.
    const theirId = (theirs.json as { id: string }).id;
    const notMine = await api.delete(`/events/${eventId}/webhooks/${theirId}`);
    expect(notMine.status).toBe(404);
    expect((notMine.json as { error: { code: string } }).error.code).toBe('NOT_FOUND');

    const removed = await api.delete(`/events/${eventId}/webhooks/${body.id}`);
    expect(removed.status).toBe(200);
    expect((await api.get(`/events/${eventId}/webhooks`)).json).toEqual({ webhooks: [] });
    expect((await apiClient(server.url, kicox.key).get(`/events/${eventId}/webhooks`)).json).toMatchObject({
      webhooks: [{ id: theirId }],
    });
  });

  it('refuses an http URL that is not local, a key without the scope, and a key for another event', async () => {
    const bad = await apiClient(server.url, kotra.key).post(`/events/${eventId}/webhooks`, {
      ...subscription,
      url: 'http://hooks.kotra.example/plenary',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.json as { error: { fields: object } }).error.fields)).toEqual(['url']);

    const noScope = await apiClient(server.url, readOnly.key).get(`/events/${eventId}/webhooks`);
    expect(noScope.status).toBe(403);
    const otherEvent = await apiClient(server.url, elsewhere.key).get(`/events/${eventId}/webhooks`);
    expect(otherEvent.status).toBe(404);
    const anonymous = await apiClient(server.url, null).get(`/events/${eventId}/webhooks`);
    expect(anonymous.status).toBe(401);
  });

  it('documents the three operations in the OpenAPI document', async () => {
    const doc = (await apiClient(server.url, null).get('/openapi.json')).json as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(Object.keys(doc.paths['/events/{eventId}/webhooks'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/events/{eventId}/webhooks/{subscriptionId}'] ?? {})).toEqual(['delete']);
    expect(doc.paths['/events/{eventId}/webhooks']?.post?.tags).toEqual(['Webhooks']);
  });
});
