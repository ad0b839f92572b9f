import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, PartnerCaller } from '@plenary/contracts';
import { eq, schema } from '@plenary/db';
import type { WebhookEventType } from '@plenary/db/schema';
import { inTransaction } from '../../core/runtime';
import { insertMember } from '../team/team.repo';
import { createHarness, errorOf, tciEvent, testRequest, type TestHarness } from '../../testing/harness';
import type { RegistrationEventRegistration as RegistrationWebhookData } from '@plenary/contracts';
import { dispatchDomainEvents } from '../domain-events/dispatcher';
import { recordDomainEvent } from '../domain-events/record';

let h: TestHarness;
let admin: Actor;
let owner: Actor;
let eventId: string;
let otherEventId: string;
let kcn: string;
let oecd: string;

async function insertPartner(name: string): Promise<string> {
  const [row] = await h.runtime.db
    .insert(schema.partners)
    .values({ name })
    .returning({ id: schema.partners.id });
  if (!row) throw new Error('no partner');
  return row.id;
}

async function insertKey(partnerId: string, keyEventId: string | null, revoked = false) {
  await h.runtime.db.insert(schema.apiKeys).values({
    partnerId,
    eventId: keyEventId,
    name: 'test key',
    prefix: `pk_${randomUUID().slice(0, 12)}`,
    secretHash: 'not used here',
    scopes: ['webhooks:manage'],
    revokedAt: revoked ? new Date() : null,
  });
}

/** A partner's key for the event, as the partner access rule resolves it. */
function partnerCaller(partnerId: string, partnerName: string, forEvent = eventId): PartnerCaller {
  return {
    partner: {
      apiKeyId: randomUUID(),
      partnerId,
      partnerName,
      requestsPerMinute: null,
      eventId: forEvent,
      scopes: ['webhooks:manage'],
    },
    request: testRequest(),
    eventId: forEvent,
  };
}

function registration(reference: string, inEvent = eventId): RegistrationWebhookData {
  return {
    id: randomUUID(),
    eventId: inEvent,
    reference,
    status: 'pending',
    categoryId: randomUUID(),
    email: 'delegate@oecd.example',
    givenName: 'Anne',
    familyName: 'Martin',
    delegationId: null,
  };
}

/** A registration's domain event, recorded and handed to its subscribers (webhooks among them). */
async function record(partnerId: string | null, type: WebhookEventType, data: RegistrationWebhookData) {
  await inTransaction(h.runtime, (uow) =>
    recordDomainEvent(h.runtime, uow, {
      type,
      eventId: data.eventId,
      subject: { kind: 'registration', id: data.id },
      data: { partnerId, registration: data },
    }),
  );
  await dispatchDomainEvents(h.runtime);
}

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('platform@plenary.test', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create(tciEvent)).id;
  otherEventId = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-2016' })).id;
  owner = await h.signUp('owner@daegu-tp.example');
  await insertMember(h.runtime.db, { eventId, userId: owner.userId, role: 'owner' });
  kcn = await insertPartner('Korea Cluster Network');
  oecd = await insertPartner('OECD LEED');
});
afterAll(() => h.close());

describe('webhook subscriptions by staff', () => {
  it('creates a subscription, shows the secret once, lists it with the partner, and audits without the secret', async () => {
    const created = await h.caller(owner).webhooks.create({
      eventId,
      partnerId: kcn,
      url: 'https://hooks.kcn.example/plenary',
      eventTypes: ['registration.created', 'registration.cancelled'],
    });
    expect(created).toMatchObject({
      partnerId: kcn,
      partnerName: 'Korea Cluster Network',
      eventId,
      url: 'https://hooks.kcn.example/plenary',
      eventTypes: ['registration.created', 'registration.cancelled'],
      active: true,
    });
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);

    const list = await h.caller(owner).webhooks.list({ eventId });
    const { secret: _secret, ...shown } = created;
    expect(list).toEqual([shown]);
    expect(JSON.stringify(list)).not.toContain(created.secret);

    const audit = await h.caller(owner).audit.list({ eventId, objectType: 'webhookSubscription', limit: 10 });
    expect(audit.entries.map((e) => [e.action, e.objectId])).toEqual([['webhook.create', created.id]]);
    expect(JSON.stringify(audit.entries)).not.toContain(created.secret);
  });

  it('accepts https anywhere and http only for localhost', async () => {
    const create = (url: string) =>
      h.caller(owner).webhooks.create({ eventId, partnerId: kcn, url, eventTypes: ['registration.created'] });
    for (const url of [
      'http://hooks.kcn.example/plenary',
      'ftp://kcn.example/x',
      'not a url',
      'https://user:pw@kcn.example/',
    ]) {
      const err = await errorOf(create(url));
      expect(err.code).toBe('BAD_REQUEST');
      expect((err.cause as { issues?: { path: string[] }[] }).issues?.[0]?.path).toEqual(['url']);
    }
    expect((await create('http://localhost:8080/hook')).url).toBe('http://localhost:8080/hook');
    expect((await create('http://127.0.0.1:8080/hook')).url).toBe('http://127.0.0.1:8080/hook');
  });

  it('refuses no event types, a type twice, and an unknown partner', async () => {
    const base = { eventId, partnerId: kcn, url: 'https://hooks.kcn.example/x' };
    expect((await errorOf(h.caller(owner).webhooks.create({ ...base, eventTypes: [] }))).code).toBe(
      'BAD_REQUEST',
    );
    expect(
      (
        await errorOf(
          h
            .caller(owner)
            .webhooks.create({ ...base, eventTypes: ['registration.created', 'registration.created'] }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    const unknown = await errorOf(
      h
        .caller(owner)
        .webhooks.create({ ...base, partnerId: randomUUID(), eventTypes: ['registration.created'] }),
    );
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('caps a partner at MAX_SUBSCRIPTIONS_PER_PARTNER active subscriptions, also when they are asked for at once', async () => {
    const capped = await insertPartner('Capped Partner');
    const create = (n: number) =>
      h.caller(owner).webhooks.create({
        eventId,
        partnerId: capped,
        url: `https://hooks.example.org/${n}`,
        eventTypes: ['registration.created'],
      });
    const results = await Promise.allSettled(Array.from({ length: 25 }, (_, n) => create(n)));
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(20);
    const refused = await errorOf(create(99));
    expect([refused.code, refused.message]).toEqual([
      'CONFLICT',
      'A partner can have at most 20 webhook subscriptions; remove one first',
    ]);
    const first = results.find((r) => r.status === 'fulfilled');
    if (first?.status !== 'fulfilled') throw new Error('none created');
    await h.caller(owner).webhooks.remove({ eventId, subscriptionId: first.value.id });
    expect((await create(100)).url).toBe('https://hooks.example.org/100');
  });

  it('removes a subscription: kept in the list as inactive, audited, and a second removal is not found', async () => {
    const sub = await h.caller(owner).webhooks.create({
      eventId,
      partnerId: oecd,
      url: 'https://oecd.example/leed/hook',
      eventTypes: ['registration.confirmed'],
    });
    await h.caller(owner).webhooks.remove({ eventId, subscriptionId: sub.id });
    const listed = (await h.caller(owner).webhooks.list({ eventId })).find((s) => s.id === sub.id);
    expect(listed?.active).toBe(false);
    const audit = await h.caller(owner).audit.list({ eventId, objectId: sub.id, limit: 10 });
    expect(audit.entries.map((e) => e.action)).toEqual(['webhook.remove', 'webhook.create']);
    expect(audit.entries[0]?.diff).toEqual({ active: { before: true, after: false } });
    expect((await errorOf(h.caller(owner).webhooks.remove({ eventId, subscriptionId: sub.id }))).code).toBe(
      'NOT_FOUND',
    );
    // Another event's id does not reach it either.
    expect(
      (await errorOf(h.caller(admin).webhooks.remove({ eventId: otherEventId, subscriptionId: sub.id })))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('offers the partners that hold an unrevoked key for the event or for every event', async () => {
    const ministry = await insertPartner('Ministry of Trade');
    const revoked = await insertPartner('Revoked Partner');
    const elsewhere = await insertPartner('Other Event Partner');
    await insertKey(kcn, eventId);
    await insertKey(kcn, null);
    await insertKey(ministry, null);
    await insertKey(revoked, eventId, true);
    await insertKey(elsewhere, otherEventId);
    expect(await h.caller(owner).webhooks.partners({ eventId })).toEqual([
      { id: kcn, name: 'Korea Cluster Network' },
      { id: ministry, name: 'Ministry of Trade' },
    ]);
  });
});

describe('the outbox', () => {
  it('records one delivery per active subscription of the registration’s partner that wants the type', async () => {
    const eventB = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-outbox' })).id;
    const make = (partnerId: string, path: string, types: WebhookEventType[], inEvent = eventB) =>
      h.caller(admin).webhooks.create({
        eventId: inEvent,
        partnerId,
        url: `https://hooks.example/${path}`,
        eventTypes: types,
      });
    const wantsCreated = await make(kcn, 'a', ['registration.created']);
    const wantsBoth = await make(kcn, 'b', ['registration.created', 'registration.confirmed']);
    const removed = await make(kcn, 'c', ['registration.created']);
    await h.caller(admin).webhooks.remove({ eventId: eventB, subscriptionId: removed.id });
    const otherPartner = await make(oecd, 'd', ['registration.created']);
    const otherEvent = await make(kcn, 'e', ['registration.created'], otherEventId);

    await record(kcn, 'registration.created', registration('B-1', eventB));
    await record(kcn, 'registration.confirmed', registration('B-1', eventB));
    await record(kcn, 'registration.cancelled', registration('B-1', eventB));
    // Registrations no partner created send nothing.
    await record(null, 'registration.created', registration('B-2', eventB));

    const { deliveries, total } = await h.caller(admin).webhooks.deliveries({ eventId: eventB });
    expect(total).toBe(3);
    const bySubscription = (id: string) =>
      deliveries
        .filter((d) => d.subscriptionId === id)
        .map((d) => d.eventType)
        .sort();
    expect(bySubscription(wantsCreated.id)).toEqual(['registration.created']);
    expect(bySubscription(wantsBoth.id)).toEqual(['registration.confirmed', 'registration.created']);
    expect(bySubscription(removed.id)).toEqual([]);
    expect(bySubscription(otherPartner.id)).toEqual([]);
    expect(
      (await h.caller(admin).webhooks.deliveries({ eventId: otherEventId, subscriptionId: otherEvent.id }))
        .total,
    ).toBe(0);
    expect(
      deliveries.every(
        (d) => d.status === 'pending' && d.attempts === 0 && d.partnerName === 'Korea Cluster Network',
      ),
    ).toBe(true);

    // Paged and filtered.
    const page = await h.caller(admin).webhooks.deliveries({ eventId: eventB, limit: 2, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.deliveries.map((d) => d.id)).toEqual([deliveries[2]?.id]);
    expect((await h.caller(admin).webhooks.deliveries({ eventId: eventB, status: 'delivered' })).total).toBe(
      0,
    );
    // Another event's log does not show them.
    expect(
      (await h.caller(admin).webhooks.deliveries({ eventId })).deliveries.some(
        (d) => d.subscriptionId === wantsBoth.id,
      ),
    ).toBe(false);
  });

  it('sends programme.published to every partner subscribed to it for that event, and to no other', async () => {
    const eventD = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-programme' })).id;
    const elsewhere = await insertPartner('Busan TP');
    // Its key and subscription are for another event: the control, whose own event does get the type.
    await insertKey(elsewhere, otherEventId);
    const make = (partnerId: string, path: string, types: WebhookEventType[], inEvent = eventD) =>
      h.caller(admin).webhooks.create({
        eventId: inEvent,
        partnerId,
        url: `https://hooks.example/${path}`,
        eventTypes: types,
      });
    const kcnHook = await make(kcn, 'kcn', ['programme.published']);
    const oecdHook = await make(oecd, 'oecd', ['registration.created', 'programme.published']);
    const registrationsOnly = await make(oecd, 'oecd-reg', ['registration.created']);
    const otherEvent = await make(elsewhere, 'busan', ['programme.published'], otherEventId);
    const published = (inEvent: string) =>
      inTransaction(h.runtime, (uow) =>
        recordDomainEvent(h.runtime, uow, {
          type: 'programme.published',
          eventId: inEvent,
          subject: { kind: 'event', id: inEvent },
          data: { eventId: inEvent, released: 70, accepted: 68, releasedAt: '2026-12-02T03:00:00.000Z' },
        }),
      );
    await published(eventD);
    await dispatchDomainEvents(h.runtime);

    const { deliveries } = await h.caller(admin).webhooks.deliveries({ eventId: eventD });
    const bySubscription = (id: string) =>
      deliveries.filter((d) => d.subscriptionId === id).map((d) => d.eventType);
    expect(bySubscription(kcnHook.id)).toEqual(['programme.published']);
    expect(bySubscription(oecdHook.id)).toEqual(['programme.published']);
    expect(bySubscription(registrationsOnly.id)).toEqual([]);
    expect(deliveries).toHaveLength(2);
    const otherLog = () =>
      h.caller(admin).webhooks.deliveries({ eventId: otherEventId, subscriptionId: otherEvent.id });
    expect((await otherLog()).total).toBe(0);
    const { webhookDeliveries: rows } = schema;
    const [row] = await h.runtime.db
      .select({ payload: rows.payload })
      .from(rows)
      .where(eq(rows.subscriptionId, kcnHook.id));
    expect(row?.payload).toMatchObject({
      type: 'programme.published',
      data: { eventId: eventD, released: 70, accepted: 68 },
    });

    // Control: the other event's release does reach that partner.
    await published(otherEventId);
    await dispatchDomainEvents(h.runtime);
    expect((await otherLog()).deliveries.map((d) => d.eventType)).toEqual(['programme.published']);
  });

  it('keeps only the registration fields of the payload, even when handed a whole row', async () => {
    const eventC = (await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-payload' })).id;
    await h.caller(admin).webhooks.create({
      eventId: eventC,
      partnerId: kcn,
      url: 'https://hooks.example/p',
      eventTypes: ['registration.created'],
    });
    const data = registration('C-1', eventC);
    await record(kcn, 'registration.created', {
      ...data,
      passportNumber: 'M12345678',
    } as RegistrationWebhookData);
    const { webhookDeliveries: deliveries, webhookSubscriptions: subs } = schema;
    const [row] = await h.runtime.db
      .select({ payload: deliveries.payload })
      .from(deliveries)
      .innerJoin(subs, eq(subs.id, deliveries.subscriptionId))
      .where(eq(subs.eventId, eventC));
    expect(row?.payload).toMatchObject({ type: 'registration.created', data: { registration: data } });
    expect(JSON.stringify(row?.payload)).not.toContain('M12345678');
  });
});

describe('a partner’s own subscriptions', () => {
  it('creates, lists only its own, and cannot see or remove another partner’s', async () => {
    const daeguTp = await insertPartner('Daegu Technopark');
    const tpCaller = partnerCaller(daeguTp, 'Daegu Technopark', otherEventId);
    const oecdCaller = partnerCaller(oecd, 'OECD LEED', otherEventId);
    const mine = await h.services.webhooks.partnerCreate(tpCaller, {
      eventId: 'tci-2016',
      url: 'https://hooks.daegutp.example/own',
      eventTypes: ['registration.checked_in'],
    });
    expect(mine).toMatchObject({
      eventId: otherEventId,
      url: 'https://hooks.daegutp.example/own',
      eventTypes: ['registration.checked_in'],
    });
    expect(mine.secret).toMatch(/^whsec_/);
    const theirs = await h.services.webhooks.partnerCreate(oecdCaller, {
      eventId: otherEventId,
      url: 'https://oecd.example/own',
      eventTypes: ['registration.created'],
    });

    const listed = await h.services.webhooks.partnerList(tpCaller);
    expect(listed.webhooks.map((w) => w.url)).toEqual(['https://hooks.daegutp.example/own']);
    expect(JSON.stringify(listed)).not.toContain(mine.secret);

    const err = await h.services.webhooks
      .partnerRemove(tpCaller, { eventId: otherEventId, subscriptionId: theirs.id })
      .then(
        () => null,
        (e: unknown) => e as { code?: string },
      );
    expect(err?.code).toBe('NOT_FOUND');

    await h.services.webhooks.partnerRemove(tpCaller, { eventId: otherEventId, subscriptionId: mine.id });
    expect((await h.services.webhooks.partnerList(tpCaller)).webhooks).toEqual([]);
    expect((await h.services.webhooks.partnerList(oecdCaller)).webhooks.map((w) => w.id)).toEqual([
      theirs.id,
    ]);

    const audit = await h.caller(admin).audit.list({ eventId: otherEventId, objectId: mine.id, limit: 10 });
    expect(audit.entries.map((e) => [e.action, e.actorLabel])).toEqual([
      ['webhook.remove', 'partner Daegu Technopark'],
      ['webhook.create', 'partner Daegu Technopark'],
    ]);
  });
});
