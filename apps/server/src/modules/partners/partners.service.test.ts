import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type Actor } from '@plenary/contracts';
import { domainMessage } from '@plenary/contracts/domain-messages';
import { eq, schema } from '@plenary/db';
import { insertMember } from '../team/team.repo';
import { createHarness, errorOf, tciEvent, type AppCaller, type TestHarness } from '../../testing/harness';
import { sha256 } from '../identity/crypto';
import { prefixOf } from './api-keys';

let h: TestHarness;
let admin: Actor;
let staff: AppCaller;
let eventId: string;
let otherEventId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  staff = h.caller(admin);
  eventId = (await staff.events.create(tciEvent)).id;
  otherEventId = (await staff.events.create({ ...tciEvent, slug: 'tci-2016' })).id;
  await staff.events.transition({ eventId, to: 'publish' });
  await staff.events.transition({ eventId: otherEventId, to: 'publish' });
});
afterAll(() => h.close());

async function domainErrorOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  const cause = err.cause instanceof DomainError ? err.cause : null;
  return { code: cause?.code, message: err.message, fieldErrors: cause?.fieldErrors };
}

describe('partners and API keys (staff side)', () => {
  let partnerId: string;

  it('lets a platform admin add a partner, once per name regardless of case', async () => {
    const kotra = await staff.partners.create({ name: 'KOTRA', contactEmail: 'API@kotra.example' });
    partnerId = kotra.id;
    expect(kotra).toEqual({
      id: kotra.id,
      name: 'KOTRA',
      contactEmail: 'api@kotra.example',
      eventIds: [],
      createdAt: kotra.createdAt,
    });
    expect(await domainErrorOf(staff.partners.create({ name: 'kotra', contactEmail: null }))).toEqual({
      code: 'CONFLICT',
      message: 'Another partner already has this name',
      fieldErrors: { name: ['Another partner already has this name'] },
    });
    // By key too (issue 9 §7), so the console words the refusal in Korean.
    const again = (await errorOf(staff.partners.create({ name: 'Kotra', contactEmail: null }))).cause;
    const keyed = again instanceof DomainError ? again : null;
    expect([
      keyed?.messageKey,
      keyed?.messageKey && domainMessage(keyed.messageKey, keyed.messageParams, 'ko'),
    ]).toEqual(['partnerNameTaken', '이 이름을 쓰는 다른 파트너가 있습니다']);
    expect((await staff.partners.list()).map((p) => p.name)).toEqual(['KOTRA']);
    const log = await staff.audit.listPlatform({ objectType: 'partner' });
    expect(log.entries.map((e) => [e.action, e.objectId, e.actorLabel])).toEqual([
      ['partner.create', kotra.id, 'admin@kicox.example'],
    ]);
  });

  it('issues a key shown once, keeps only its hash, and lists it for the event', async () => {
    expect((await staff.partners.setEvents({ partnerId, eventIds: [eventId] })).eventIds).toEqual([eventId]);
    const created = await staff.partners.createKey({
      eventId,
      partnerId,
      name: 'KOTRA delegation sync',
      scopes: ['events:read', 'registrations:write'],
      requestsPerMinute: 600,
    });
    expect(created.key).toMatch(/^plk_[A-Za-z0-9]{10}_[A-Za-z0-9]{43}$/);
    expect(created.apiKey).toEqual({
      id: created.apiKey.id,
      partnerId,
      partnerName: 'KOTRA',
      eventId,
      name: 'KOTRA delegation sync',
      prefix: prefixOf(created.key),
      scopes: ['events:read', 'registrations:write'],
      requestsPerMinute: 600,
      createdAt: created.apiKey.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    const [row] = await h.runtime.db
      .select()
      .from(schema.apiKeys)
      .where(eq(schema.apiKeys.id, created.apiKey.id));
    expect(row?.secretHash).toBe(sha256(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(15));

    const listed = await staff.partners.keys({ eventId });
    expect(listed).toEqual({ keys: [created.apiKey], partners: [{ id: partnerId, name: 'KOTRA' }] });
    expect((await staff.partners.keys({ eventId: otherEventId })).keys).toEqual([]);

    const log = await staff.audit.list({ eventId, objectType: 'apiKey' });
    expect(log.entries.map((e) => [e.action, e.diff])).toEqual([
      [
        'apiKey.create',
        {
          partnerId: { before: null, after: partnerId },
          name: { before: null, after: 'KOTRA delegation sync' },
          prefix: { before: null, after: created.apiKey.prefix },
          scopes: { before: null, after: ['events:read', 'registrations:write'] },
          requestsPerMinute: { before: null, after: 600 },
        },
      ],
    ]);
  });

  it('refuses a key for an unknown partner, or without scopes', async () => {
    expect(
      await domainErrorOf(
        staff.partners.createKey({
          eventId,
          partnerId: '00000000-0000-4000-8000-000000000000',
          name: 'x',
          scopes: ['events:read'],
        }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'No such partner',
      fieldErrors: { partnerId: ['No such partner'] },
    });
    const err = await errorOf(staff.partners.createKey({ eventId, partnerId, name: 'x', scopes: [] }));
    expect(err.code).toBe('BAD_REQUEST');
  });

  it('resolves a key to its partner, records "last used" at most once a minute, and forgets it once revoked', async () => {
    const { apiKey, key } = await staff.partners.createKey({
      eventId,
      partnerId,
      name: 'Desk',
      scopes: ['events:read'],
    });
    const lastUsed = async () =>
      (
        await h.runtime.db
          .select({ at: schema.apiKeys.lastUsedAt })
          .from(schema.apiKeys)
          .where(eq(schema.apiKeys.id, apiKey.id))
      )[0]?.at?.toISOString() ?? null;

    expect(await h.services.access.partnerKey(key)).toEqual({
      apiKeyId: apiKey.id,
      partnerId,
      partnerName: 'KOTRA',
      eventId,
      scopes: ['events:read'],
      requestsPerMinute: null,
    });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    h.advanceClock(30_000);
    await h.services.access.partnerKey(key);
    expect(await lastUsed()).toBe(first);
    h.advanceClock(31_000);
    await h.services.access.partnerKey(key);
    expect(await lastUsed()).not.toBe(first);

    // A wrong secret with a real prefix, a malformed key: unknown.
    expect(await h.services.access.partnerKey(`${apiKey.prefix}_${'A'.repeat(43)}`)).toBeNull();
    expect(await h.services.access.partnerKey('plk_short')).toBeNull();

    const revoked = await staff.partners.revokeKey({ eventId, apiKeyId: apiKey.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await h.services.access.partnerKey(key)).toBeNull();
    // Revoking again changes nothing and records nothing more.
    expect(await staff.partners.revokeKey({ eventId, apiKeyId: apiKey.id })).toEqual(revoked);
    const log = await staff.audit.list({ eventId, objectType: 'apiKey' });
    expect(log.entries.filter((e) => e.action === 'apiKey.revoke').map((e) => e.objectId)).toEqual([
      apiKey.id,
    ]);
    // Another event's managers cannot reach this event's key.
    expect(
      await domainErrorOf(staff.partners.revokeKey({ eventId: otherEventId, apiKeyId: apiKey.id })),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('finds the event a key names by id or slug, never a draft or another event', async () => {
    const key = {
      apiKeyId: 'k',
      partnerId,
      partnerName: 'KOTRA',
      eventId,
      scopes: [],
      requestsPerMinute: null,
    };
    const draft = (await staff.events.create({ ...tciEvent, slug: 'tci-draft' })).id;
    const access = h.services.access;
    expect(await access.partnerEvent(key, eventId)).toBe(eventId);
    expect(await access.partnerEvent(key, 'TCI-2015')).toBe(eventId);
    expect(await access.partnerEvent(key, 'tci-2016')).toBeNull();
    expect(await access.partnerEvent({ ...key, eventId: null }, 'tci-2016')).toBe(otherEventId);
    expect(await access.partnerEvent({ ...key, eventId: null }, draft)).toBeNull();
    expect(await access.partnerEvent({ ...key, eventId: null }, 'no-such-event')).toBeNull();
  });

  it('lets an event admin manage keys but not a staff member', async () => {
    const member = await h.signUp('staff@kicox.example');
    await insertMember(h.runtime.db, { eventId, userId: member.userId, role: 'staff' });
    expect((await errorOf(h.caller(member).partners.keys({ eventId }))).code).toBe('FORBIDDEN');
  });
});

describe('partners belong to the platform admin (finding 10)', () => {
  it('shows an event manager only the partners linked to their event, and keys no other partner', async () => {
    const manager = await h.signUp('owner@tci-2016.example');
    await insertMember(h.runtime.db, { eventId: otherEventId, userId: manager.userId, role: 'owner' });
    const other = await staff.partners.create({ name: 'Not linked org', contactEmail: null });
    const asManager = h.caller(manager);

    expect((await asManager.partners.keys({ eventId: otherEventId })).partners).toEqual([]);
    expect(
      await domainErrorOf(
        asManager.partners.createKey({
          eventId: otherEventId,
          partnerId: other.id,
          name: 'in their name',
          scopes: ['events:read'],
        }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'No such partner',
      fieldErrors: { partnerId: ['No such partner'] },
    });
    // Nor may they see or change the platform's partners.
    expect((await errorOf(asManager.partners.list())).code).toBe('FORBIDDEN');
    expect(
      (await errorOf(asManager.partners.setEvents({ partnerId: other.id, eventIds: [otherEventId] }))).code,
    ).toBe('FORBIDDEN');

    // Once the platform admin links it, the manager sees it and may key it.
    const linked = await staff.partners.setEvents({ partnerId: other.id, eventIds: [otherEventId] });
    expect(linked).toEqual({ ...other, eventIds: [otherEventId] });
    expect((await asManager.partners.keys({ eventId: otherEventId })).partners).toEqual([
      { id: other.id, name: 'Not linked org' },
    ]);
    const key = await asManager.partners.createKey({
      eventId: otherEventId,
      partnerId: other.id,
      name: 'linked',
      scopes: ['events:read'],
    });
    expect(key.apiKey.partnerName).toBe('Not linked org');
    expect(await h.services.access.partnerKey(key.key)).toMatchObject({ apiKeyId: key.apiKey.id });
    // Unlinking stops new keys and ends the keys made for that event.
    expect((await staff.partners.setEvents({ partnerId: other.id, eventIds: [] })).eventIds).toEqual([]);
    expect(await h.services.access.partnerKey(key.key)).toBeNull();
    expect(
      (
        await domainErrorOf(
          asManager.partners.createKey({
            eventId: otherEventId,
            partnerId: other.id,
            name: 'again',
            scopes: ['events:read'],
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await asManager.partners.keys({ eventId: otherEventId })).keys.map((k) => [k.id, k.revokedAt !== null]),
    ).toEqual([[key.apiKey.id, true]]);
    const log = await staff.audit.listPlatform({ objectType: 'partner' });
    expect(
      log.entries.filter((e) => e.objectId === other.id && e.action === 'partner.link').map((e) => e.diff),
    ).toEqual([
      { eventIds: { before: [otherEventId], after: [] } },
      { eventIds: { before: [], after: [otherEventId] } },
    ]);
  });

  it('unlinking a partner from one event ends its keys for that event only', async () => {
    const p = await staff.partners.create({ name: 'Two-event org', contactEmail: null });
    await staff.partners.setEvents({ partnerId: p.id, eventIds: [eventId, otherEventId] });
    const keyFor = (e: string) =>
      staff.partners.createKey({ eventId: e, partnerId: p.id, name: 'k', scopes: ['events:read'] });
    const here = await keyFor(eventId);
    const there = await keyFor(otherEventId);
    await staff.partners.setEvents({ partnerId: p.id, eventIds: [otherEventId] });
    expect([
      await h.services.access.partnerKey(here.key),
      (await h.services.access.partnerKey(there.key))?.apiKeyId,
    ]).toEqual([null, there.apiKey.id]);
  });

  it("gives an event manager the same answer for a new partner name whether or not it is used on the platform", async () => {
    const manager = await h.signUp('namer@tci-2016.example');
    await insertMember(h.runtime.db, { eventId: otherEventId, userId: manager.userId, role: 'owner' });
    const asManager = h.caller(manager);
    // A platform partner not linked to this event, and a name that exists nowhere.
    const platformOnly = await staff.partners.create({ name: 'Platform Only Org', contactEmail: null });
    const taken = await asManager.partners.createForEvent({ eventId: otherEventId, name: 'platform only org', contactEmail: null });
    const fresh = await asManager.partners.createForEvent({ eventId: otherEventId, name: 'Nowhere yet', contactEmail: null });
    expect([taken.eventIds, fresh.eventIds]).toEqual([[otherEventId], [otherEventId]]);
    expect(taken.id).not.toBe(platformOnly.id);
    // A name already used in their own event, which they can see, is refused.
    expect(
      await domainErrorOf(asManager.partners.createForEvent({ eventId: otherEventId, name: 'PLATFORM ONLY ORG', contactEmail: null })),
    ).toEqual({
      code: 'CONFLICT',
      message: 'Another partner of this event already has this name',
      fieldErrors: { name: ['Another partner of this event already has this name'] },
    });
  });

  it('lets an event manager add a partner for their own event, seen there only', async () => {
    const manager = await h.signUp('admin@tci-2016.example');
    await insertMember(h.runtime.db, { eventId: otherEventId, userId: manager.userId, role: 'admin' });
    const own = await h.caller(manager).partners.createForEvent({
      eventId: otherEventId,
      name: 'Daegu tourism office',
      contactEmail: null,
    });
    expect(own).toEqual({
      id: own.id,
      name: 'Daegu tourism office',
      contactEmail: null,
      eventIds: [otherEventId],
      createdAt: own.createdAt,
    });
    expect(
      (await h.caller(manager).partners.keys({ eventId: otherEventId })).partners.map((p) => p.name),
    ).toContain('Daegu tourism office');
    expect((await staff.partners.keys({ eventId })).partners.map((p) => p.name)).not.toContain(
      'Daegu tourism office',
    );
    // Not for an event they do not manage.
    expect(
      (
        await errorOf(
          h.caller(manager).partners.createForEvent({ eventId, name: 'Elsewhere', contactEmail: null }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('lets a platform admin rename a partner, refusing a name in use and an unknown event', async () => {
    const p = await staff.partners.create({ name: 'KITA', contactEmail: null });
    expect(
      await staff.partners.update({ partnerId: p.id, name: 'KITA Seoul', contactEmail: 'api@kita.example' }),
    ).toEqual({
      ...p,
      name: 'KITA Seoul',
      contactEmail: 'api@kita.example',
    });
    expect(
      await domainErrorOf(staff.partners.update({ partnerId: p.id, name: 'kotra', contactEmail: null })),
    ).toEqual({
      code: 'CONFLICT',
      message: 'Another partner already has this name',
      fieldErrors: { name: ['Another partner already has this name'] },
    });
    expect(
      await domainErrorOf(
        staff.partners.setEvents({
          partnerId: p.id,
          eventIds: [eventId, '00000000-0000-4000-8000-000000000000'],
        }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'No such event',
      fieldErrors: { 'eventIds.1': ['No such event'] },
    });
    expect((await staff.partners.list()).find((x) => x.id === p.id)?.eventIds).toEqual([]);
  });
});
