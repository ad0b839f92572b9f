import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type Actor } from '@plenary/contracts';
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
      createdAt: kotra.createdAt,
    });
    expect(await domainErrorOf(staff.partners.create({ name: 'kotra', contactEmail: null }))).toEqual({
      code: 'CONFLICT',
      message: 'Another partner already has this name',
      fieldErrors: { name: ['Another partner already has this name'] },
    });
    expect((await staff.partners.list()).map((p) => p.name)).toEqual(['KOTRA']);
    const log = await staff.audit.listPlatform({ objectType: 'partner' });
    expect(log.entries.map((e) => [e.action, e.objectId, e.actorLabel])).toEqual([
      ['partner.create', kotra.id, 'admin@kicox.example'],
    ]);
  });

  it('issues a key shown once, keeps only its hash, and lists it for the event', async () => {
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
