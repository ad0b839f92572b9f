import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { schema } from '@plenary/db';
import type { WebhookEventType } from '@plenary/db/schema';
import { inTransaction } from '../../core/runtime';
import { createHarness, errorOf, tciEvent, type TestHarness } from '../../testing/harness';
import type { RegistrationEventRegistration as RegistrationWebhookData } from '@plenary/contracts';
import { dispatchDomainEvents } from '../domain-events/dispatcher';
import { recordDomainEvent } from '../domain-events/record';
import { deliverWebhook, startWebhookDelivery, sweepWebhookDeliveries } from './webhook-delivery';
import { insertDeliveries } from './webhooks.repo';
import { startTestReceiver, type ReceivedWebhook, type TestReceiver } from './test-receiver';

// Three attempts, retried after 1-2 s and 2-4 s (pg-boss backoff with jitter), so a
// retry test takes seconds; production waits from 30 s (WEBHOOK_RETRY).
const TEST_RETRY = { retryLimit: 2, retryDelaySeconds: 1 };

let h: TestHarness;
let receiver: TestReceiver;
let stopDelivery: () => void;
let admin: Actor;
let eventId: string;
/** The partner of the current test's subscription: each test has its own, so one test's events reach only its receiver path. */
let partnerId: string;
let partners = 0;

beforeAll(async () => {
  receiver = await startTestReceiver();
  h = await createHarness({ work: true });
  stopDelivery = await startWebhookDelivery(h.runtime, { retry: TEST_RETRY, allowPrivateAddresses: true });
  admin = await h.signUp('platform@plenary.test', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create(tciEvent)).id;
});
afterAll(async () => {
  stopDelivery();
  await h.close();
  await receiver.close();
});

function registration(reference: string): RegistrationWebhookData {
  return {
    id: randomUUID(),
    eventId,
    reference,
    status: 'confirmed',
    categoryId: randomUUID(),
    email: 'minji.park@kcn.example',
    givenName: 'Minji',
    familyName: 'Park',
    delegationId: null,
  };
}

/** A registration's domain event, recorded and handed to its subscribers (webhooks among them). */
async function record(type: WebhookEventType, data: RegistrationWebhookData, owner: string | null = partnerId) {
  await inTransaction(h.runtime, (uow) =>
    recordDomainEvent(h.runtime, uow, {
      type,
      eventId: data.eventId,
      subject: { kind: 'registration', id: data.id },
      data: { partnerId: owner, registration: data },
    }),
  );
  await dispatchDomainEvents(h.runtime);
}

async function subscribe(path: string, eventTypes: WebhookEventType[] = ['registration.created']) {
  partners++;
  const [partner] = await h.runtime.db
    .insert(schema.partners)
    .values({ name: partners === 1 ? 'Korea Cluster Network' : `Partner ${partners}` })
    .returning({ id: schema.partners.id });
  partnerId = partner?.id ?? '';
  return h.caller(admin).webhooks.create({ eventId, partnerId, url: `${receiver.url}${path}`, eventTypes });
}

const bodyOf = (r: ReceivedWebhook) =>
  JSON.parse(r.body) as { id: string; type: string; data: { registration: { reference: string } } };
const forReference = (reference: string) => (r: ReceivedWebhook) =>
  bodyOf(r).data.registration.reference === reference;

async function deliveriesOf(subscriptionId: string) {
  return (await h.caller(admin).webhooks.deliveries({ eventId, subscriptionId })).deliveries;
}

type Delivery = Awaited<ReturnType<typeof deliveriesOf>>[number];

/** Polls the log until the subscription's only delivery reaches the status (and, if given, the condition). */
async function deliveryWhen(
  subscriptionId: string,
  status: string,
  timeoutMs = 20_000,
  also: (d: Delivery) => boolean = () => true,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [delivery] = await deliveriesOf(subscriptionId);
    if (delivery?.status === status && also(delivery)) return delivery;
    if (Date.now() > deadline)
      throw new Error(`delivery is ${delivery?.status ?? 'missing'}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('webhook delivery', () => {
  it('posts the event with a signature the receiver can check with the secret', async () => {
    const sub = await subscribe('/signed', ['registration.created', 'registration.confirmed']);
    const data = registration('TCI-0001');
    await record('registration.created', data);

    const got = await receiver.waitFor(forReference('TCI-0001'));
    expect(got.path).toBe('/signed');
    expect(got.headers['content-type']).toBe('application/json');
    const id = got.headers['plenary-webhook-id'];
    const timestamp = got.headers['plenary-webhook-timestamp'];
    expect(typeof id).toBe('string');
    expect(String(timestamp)).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    // Checked as a receiver would: HMAC-SHA256 over "<timestamp>.<raw body>".
    const expected = createHmac('sha256', sub.secret)
      .update(`${String(timestamp)}.${got.body}`)
      .digest('hex');
    expect(got.headers['plenary-webhook-signature']).toBe(`v1=${expected}`);

    const body = JSON.parse(got.body) as Record<string, unknown>;
    expect(body).toEqual({
      id,
      type: 'registration.created',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      data: { registration: data },
    });

    const delivery = await deliveryWhen(sub.id, 'delivered');
    expect(delivery).toMatchObject({
      id,
      eventType: 'registration.created',
      partnerName: 'Korea Cluster Network',
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
    });
    expect(delivery.deliveredAt).not.toBeNull();
    expect(receiver.received.filter(forReference('TCI-0001')).length).toBe(1);
  });

  it('retries a failing receiver with backoff and delivers once it recovers', async () => {
    const sub = await subscribe('/flaky');
    receiver.failNext(2);
    await record('registration.created', registration('TCI-0002'));

    const delivered = await deliveryWhen(sub.id, 'delivered');
    expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 204, lastError: null });
    const calls = receiver.received.filter(forReference('TCI-0002'));
    expect(calls.map((c) => c.answered)).toEqual([500, 500, 204]);
    // Every attempt is the same delivery (one id), freshly signed.
    expect(new Set(calls.map((c) => c.headers['plenary-webhook-id'])).size).toBe(1);
    expect(calls[0]?.headers['plenary-webhook-id']).toBe(delivered.id);
  });

  it('gives up after the last attempt, keeps the error, and sends again on request', async () => {
    const sub = await subscribe('/down');
    receiver.failNext(3, 503);
    await record('registration.created', registration('TCI-0003'));

    const failed = await deliveryWhen(sub.id, 'failed');
    expect(failed).toMatchObject({
      attempts: 3,
      lastStatusCode: 503,
      lastError: 'The receiver answered 503',
      deliveredAt: null,
    });

    const again = await h.caller(admin).webhooks.redeliver({ eventId, deliveryId: failed.id });
    expect(again).toMatchObject({ id: failed.id, status: 'pending', attempts: 3 });
    const delivered = await deliveryWhen(sub.id, 'delivered');
    expect(delivered).toMatchObject({ id: failed.id, attempts: 4, lastStatusCode: 204, lastError: null });
    expect(receiver.received.filter(forReference('TCI-0003')).map((c) => c.answered)).toEqual([
      503, 503, 503, 204,
    ]);

    // A delivered one can be sent again too (the receiver deduplicates by Plenary-Webhook-Id).
    await h.caller(admin).webhooks.redeliver({ eventId, deliveryId: failed.id });
    await receiver.waitFor(
      (r) => forReference('TCI-0003')(r) && receiver.received.filter(forReference('TCI-0003')).length === 5,
    );
    expect((await deliveryWhen(sub.id, 'delivered')).attempts).toBe(5);
  });

  it('delivers to a fast receiver while a slow one is still answering', async () => {
    receiver.slow('/slow', 3000);
    const slow = await subscribe('/slow');
    await record('registration.created', registration('TCI-SLOW'));
    const fast = await subscribe('/fast');
    await record('registration.created', registration('TCI-FAST'));

    const fastCall = await receiver.waitFor(forReference('TCI-FAST'));
    expect(receiver.received.filter(forReference('TCI-SLOW'))).toEqual([]);
    expect(fastCall.answered).toBe(204);
    await deliveryWhen(fast.id, 'delivered');
    await deliveryWhen(slow.id, 'delivered');
  });

  it('sends nothing for a change that rolls back (control: the same change committed is delivered)', async () => {
    const sub = await subscribe('/rollback');
    await expect(
      inTransaction(h.runtime, async (uow) => {
        const data = registration('TCI-ROLLED-BACK');
        await recordDomainEvent(h.runtime, uow, {
          type: 'registration.created',
          eventId: data.eventId,
          subject: { kind: 'registration', id: data.id },
          data: { partnerId, registration: data },
        });
        throw new Error('the registration failed after recording its webhook');
      }),
    ).rejects.toThrow('the registration failed after recording its webhook');

    await record('registration.created', registration('TCI-COMMITTED'));
    await receiver.waitFor(forReference('TCI-COMMITTED'));
    await deliveryWhen(sub.id, 'delivered');

    expect(receiver.received.filter(forReference('TCI-ROLLED-BACK'))).toEqual([]);
    expect((await deliveriesOf(sub.id)).length).toBe(1);
  });

  it('does not send to a removed subscription, and refuses to send its deliveries again', async () => {
    const sub = await subscribe('/removed');
    receiver.failNext(1);
    await record('registration.created', registration('TCI-0005'));
    const [first] = await deliveriesOf(sub.id);
    await receiver.waitFor(forReference('TCI-0005'));
    await deliveryWhen(sub.id, 'pending', 20_000, (d) => d.attempts === 1);
    // Removed while the first attempt's retry is waiting: the delivery ends, and the retry does not call.
    await h.caller(admin).webhooks.remove({ eventId, subscriptionId: sub.id });
    const failed = await deliveryWhen(sub.id, 'failed');
    await new Promise((r) => setTimeout(r, 3000));
    expect(failed).toMatchObject({ id: first?.id, lastError: 'The subscription was removed' });
    expect(await deliveriesOf(sub.id)).toMatchObject([
      { id: first?.id, status: 'failed', attempts: 1, lastStatusCode: 500 },
    ]);
    expect(receiver.received.filter(forReference('TCI-0005')).length).toBe(1);

    const err = await errorOf(h.caller(admin).webhooks.redeliver({ eventId, deliveryId: failed.id }));
    expect(err.code).toBe('CONFLICT');
    await record('registration.created', registration('TCI-0006'));
    expect((await deliveriesOf(sub.id)).length).toBe(1);
  });

  it('does not post to a private address unless allowed (a partner must not reach the server’s own network)', async () => {
    const before = receiver.received.length;
    const sub = await subscribe('/private');
    const id = randomUUID();
    // Straight into the outbox, without a job, so only this call sends it.
    await insertDeliveries(h.runtime.db, [
      {
        id,
        subscriptionId: sub.id,
        eventType: 'registration.created',
        payload: {
          id,
          type: 'registration.created',
          createdAt: h.runtime.now().toISOString(),
          data: { registration: registration('TCI-PRIVATE') },
        },
        createdAt: h.runtime.now(),
      },
    ]);
    await expect(deliverWebhook(h.runtime, id, { attempt: 1, lastAttempt: true })).rejects.toThrow(
      "The receiver's address 127.0.0.1 is on a private network",
    );
    expect(await deliveriesOf(sub.id)).toMatchObject([
      {
        id,
        status: 'failed',
        attempts: 1,
        lastStatusCode: null,
        lastError: "The receiver's address 127.0.0.1 is on a private network",
      },
    ]);
    expect(receiver.received.length).toBe(before);

    // Control: the same delivery, allowed, arrives.
    await h.caller(admin).webhooks.redeliver({ eventId, deliveryId: id });
    await receiver.waitFor((r) => r.headers['plenary-webhook-id'] === id);
  });

  it('refuses a name that resolves to loopback at connection time, and delivers to it when allowed', async () => {
    const before = receiver.received.length;
    await subscribe('/unused');
    const port = new URL(receiver.url).port;
    const sub = await h
      .caller(admin)
      .webhooks.create({
        eventId,
        partnerId,
        url: `http://localhost:${port}/by-name`,
        eventTypes: ['registration.created'],
      });
    const id = randomUUID();
    await insertDeliveries(h.runtime.db, [
      {
        id,
        subscriptionId: sub.id,
        eventType: 'registration.created',
        payload: {
          id,
          type: 'registration.created',
          createdAt: h.runtime.now().toISOString(),
          data: { registration: registration('TCI-NAME') },
        },
        createdAt: h.runtime.now(),
      },
    ]);
    // The name passes a first look (it is not an IP literal): the connection's own lookup refuses it.
    await expect(deliverWebhook(h.runtime, id, { attempt: 1, lastAttempt: false })).rejects.toThrow(
      /The receiver's address (127\.0\.0\.1|::1) is on a private network/,
    );
    expect(receiver.received.length).toBe(before);
    // Control: allowed, the same delivery arrives through the same code path.
    await deliverWebhook(h.runtime, id, { attempt: 2, lastAttempt: true }, { allowPrivateAddresses: true });
    expect(receiver.received.filter((r) => r.headers['plenary-webhook-id'] === id).length).toBe(1);
  });

  it('re-enqueues a delivery whose hand-over to the queue was lost', async () => {
    const sub = await subscribe('/lost');
    const id = randomUUID();
    const data = registration('TCI-LOST');
    // As if the process died between commit and the after-commit send.
    await insertDeliveries(h.runtime.db, [
      {
        id,
        subscriptionId: sub.id,
        eventType: 'registration.created',
        payload: {
          id,
          type: 'registration.created',
          createdAt: h.runtime.now().toISOString(),
          data: { registration: data },
        },
        createdAt: h.runtime.now(),
      },
    ]);
    expect(await sweepWebhookDeliveries(h.runtime)).toBe(0);
    h.advanceClock(6 * 60_000);
    expect(await sweepWebhookDeliveries(h.runtime)).toBe(1);
    const got = await receiver.waitFor(forReference('TCI-LOST'));
    expect(got.headers['plenary-webhook-id']).toBe(id);
    expect(await deliveryWhen(sub.id, 'delivered')).toMatchObject({ id, attempts: 1 });
  });
});
