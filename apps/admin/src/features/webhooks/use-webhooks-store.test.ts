import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../api';
import { fakeApi, type OutputOf } from '../../testing/fake-api';
import { useWebhooksStore } from './use-webhooks-store';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const partnerId = '0190f5d2-7c1e-7000-8000-0000000000a1';
const subscription: OutputOf<'webhooks.list'>[number] = {
  id: '0190f5d2-7c1e-7000-8000-0000000000b1',
  partnerId,
  partnerName: 'KOTRA',
  eventId,
  url: 'https://hooks.kotra.example/plenary',
  eventTypes: ['registration.created'],
  active: true,
  createdAt: '2015-11-03T00:00:00.000Z',
};
type Delivery = OutputOf<'webhooks.deliveries'>['deliveries'][number];
const delivery = (status: Delivery['status']): Delivery => ({
  id: '0190f5d2-7c1e-7000-8000-0000000000c1',
  subscriptionId: subscription.id,
  partnerName: 'KOTRA',
  url: subscription.url,
  eventType: 'registration.created',
  status,
  attempts: 15,
  lastStatusCode: 503,
  lastError: 'The receiver answered 503',
  lastAttemptAt: '2015-11-08T00:00:00.000Z',
  deliveredAt: null,
  createdAt: '2015-11-03T00:00:00.000Z',
});

describe('webhooks store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('loads subscriptions and the first page of the log, filtered by status', async () => {
    const fake = fakeApi({
      'webhooks.list': () => [subscription],
      'webhooks.deliveries': () => ({ deliveries: [delivery('failed')], total: 1 }),
    });
    setApi(fake.client);
    const webhooks = useWebhooksStore();
    webhooks.status = 'failed';
    await webhooks.load(eventId);
    expect(webhooks.subscriptions).toEqual([subscription]);
    expect(webhooks.total).toBe(1);
    // Opening another event starts over: its own filter and first page.
    webhooks.offset = 25;
    await webhooks.load('0190f5d2-7c1e-7000-8000-0000000000e2');
    expect(fake.calls).toEqual([
      { path: 'webhooks.list', input: { eventId } },
      { path: 'webhooks.deliveries', input: { eventId, limit: 25, offset: 0 } },
      { path: 'webhooks.list', input: { eventId: '0190f5d2-7c1e-7000-8000-0000000000e2' } },
      {
        path: 'webhooks.deliveries',
        input: { eventId: '0190f5d2-7c1e-7000-8000-0000000000e2', limit: 25, offset: 0 },
      },
    ]);
  });

  it('keeps the secret out of the list, marks a removed subscription, and shows a delivery sent again', async () => {
    const fake = fakeApi({
      'webhooks.list': () => [],
      'webhooks.deliveries': () => ({ deliveries: [delivery('failed')], total: 1 }),
      'webhooks.create': (input) => ({ ...subscription, ...(input as object), secret: 'whsec_once' }),
      'webhooks.remove': () => ({ ok: true }),
      'webhooks.redeliver': () => delivery('pending'),
    });
    setApi(fake.client);
    const webhooks = useWebhooksStore();
    await webhooks.load(eventId);
    webhooks.status = 'failed';
    await webhooks.loadDeliveries();
    expect(fake.calls.at(-1)).toEqual({
      path: 'webhooks.deliveries',
      input: { eventId, limit: 25, offset: 0, status: 'failed' },
    });

    const created = await webhooks.create({
      partnerId,
      url: subscription.url,
      eventTypes: ['registration.created'],
    });
    expect(created.secret).toBe('whsec_once');
    expect(webhooks.subscriptions).toEqual([subscription]);

    await webhooks.remove(subscription.id);
    expect(webhooks.subscriptions.map((s) => s.active)).toEqual([false]);

    await webhooks.redeliver(delivery('failed').id);
    expect(webhooks.deliveries.map((d) => d.status)).toEqual(['pending']);
    expect(fake.calls.slice(-3).map((c) => c.path)).toEqual([
      'webhooks.create',
      'webhooks.remove',
      'webhooks.redeliver',
    ]);
  });
});
