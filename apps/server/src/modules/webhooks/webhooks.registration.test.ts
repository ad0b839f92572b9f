import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { startTestServer, type TestServer } from '../../testing/http';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { apiClient } from '../../http/rest/api-client';
import { partnerWithKey } from '../partners/partners.fixtures';
import { startDomainEventDispatch } from '../domain-events/dispatcher';
import { startWebhookDelivery } from './webhook-delivery';
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from './test-receiver';

// The whole path: a partner subscribes over the REST API, registers someone, and
// its receiver is told, signed; a registration by another partner tells it nothing.
let h: TestHarness;
let server: TestServer;
let receiver: TestReceiver;
let stopDelivery: () => void;
let stopDispatch: () => void;
let admin: Actor;
let eventId: string;
let categoryId: string;

beforeAll(async () => {
  receiver = await startTestReceiver();
  h = await createHarness({ work: true });
  stopDelivery = await startWebhookDelivery(h.runtime, {
    retry: { retryLimit: 2, retryDelaySeconds: 1 },
    allowPrivateAddresses: true,
  });
  // As the server's main starts it: registrations record domain events, webhooks subscribe to them.
  stopDispatch = await startDomainEventDispatch(h.runtime);
  server = await startTestServer(h);
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  const e = await registrationEvent(h, admin, { categories: [{ code: 'SME', capacity: null }] });
  eventId = e.eventId;
  categoryId = e.categories.SME ?? '';
});
afterAll(async () => {
  stopDelivery();
  stopDispatch();
  await server.close();
  await h.close();
  await receiver.close();
});

const scopes = ['registrations:write', 'registrations:read', 'webhooks:manage'] as const;
const typeOf = (r: ReceivedWebhook) => (JSON.parse(r.body) as { type: string }).type;
const emailOf = (r: ReceivedWebhook) =>
  (JSON.parse(r.body) as { data: { registration: { email: string } } }).data.registration.email;

describe('webhooks from registrations', () => {
  it('tells the partner that registered someone, with a valid signature', async () => {
    const kotra = await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: [...scopes] });
    const kicox = await partnerWithKey(h, { name: 'KICOX', eventId, scopes: [...scopes] });
    const api = apiClient(server.url, kotra.key);
    const sub = await api.post(`/events/${eventId}/webhooks`, {
      url: `${receiver.url}/kotra`,
      eventTypes: ['registration.created', 'registration.confirmed'],
    });
    expect(sub.status).toBe(201);
    const { secret } = sub.json as { secret: string };

    const registered = await api.post(`/events/${eventId}/registrations`, {
      registration: { categoryId, participant: participant({ email: 'jiwoo.han@kotra.example' }) },
    });
    expect(registered.status).toBe(201);
    // Another partner's registration is not KOTRA's business.
    const other = await apiClient(server.url, kicox.key).post(`/events/${eventId}/registrations`, {
      registration: { categoryId, participant: participant({ email: 'someone@kicox.example' }) },
    });
    expect(other.status).toBe(201);

    const created = await receiver.waitFor((r) => typeOf(r) === 'registration.created');
    const confirmed = await receiver.waitFor((r) => typeOf(r) === 'registration.confirmed');
    for (const got of [created, confirmed]) {
      expect(got.path).toBe('/kotra');
      expect(emailOf(got)).toBe('jiwoo.han@kotra.example');
      const timestamp = String(got.headers['plenary-webhook-timestamp']);
      const expected = createHmac('sha256', secret).update(`${timestamp}.${got.body}`).digest('hex');
      expect(got.headers['plenary-webhook-signature']).toBe(`v1=${expected}`);
    }
    const log = await h.caller(admin).webhooks.deliveries({ eventId });
    expect(log.total).toBe(2);
    expect(log.deliveries.map((d) => d.partnerName)).toEqual(['KOTRA', 'KOTRA']);
    expect(receiver.received.some((r) => emailOf(r) === 'someone@kicox.example')).toBe(false);
  });
});
