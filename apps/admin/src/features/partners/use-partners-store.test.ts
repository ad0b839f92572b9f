import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../api';
import { fakeApi, type OutputOf } from '../../testing/fake-api';
import { usePartnersStore } from './use-partners-store';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const kotra = { id: '0190f5d2-7c1e-7000-8000-0000000000a1', name: 'KOTRA' };
const key: OutputOf<'partners.keys'>['keys'][number] = {
  id: '0190f5d2-7c1e-7000-8000-0000000000b1',
  partnerId: kotra.id,
  partnerName: 'KOTRA',
  eventId,
  name: 'Delegation sync',
  prefix: 'plk_7Hq2Xc9LmA',
  scopes: ['events:read', 'registrations:write'],
  requestsPerMinute: null,
  createdAt: '2015-10-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('partners store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('loads the keys and partners, adds a new key at the top and returns its secret once', async () => {
    const fresh = { ...key, id: '0190f5d2-7c1e-7000-8000-0000000000b2', name: 'Desk' };
    const fake = fakeApi({
      'partners.keys': () => ({ keys: [key], partners: [kotra] }),
      'partners.createKey': () => ({ apiKey: fresh, key: `plk_7Hq2Xc9LmB_${'s'.repeat(43)}` }),
    });
    setApi(fake.client);
    const store = usePartnersStore();
    await store.load(eventId);
    expect([store.keys, store.partners]).toEqual([[key], [kotra]]);
    const secret = await store.createKey({ partnerId: kotra.id, name: 'Desk', scopes: ['events:read'] });
    expect(secret).toBe(`plk_7Hq2Xc9LmB_${'s'.repeat(43)}`);
    expect(store.keys.map((k) => k.name)).toEqual(['Desk', 'Delegation sync']);
    expect(JSON.stringify(store.$state)).not.toContain('sssssssss');
    expect(fake.calls).toEqual([
      { path: 'partners.keys', input: { eventId } },
      {
        path: 'partners.createKey',
        input: { eventId, partnerId: kotra.id, name: 'Desk', scopes: ['events:read'] },
      },
    ]);
  });

  it('marks a revoked key and keeps new partners in name order', async () => {
    const revoked = { ...key, revokedAt: '2015-11-01T00:00:00.000Z' };
    const fake = fakeApi({
      'partners.keys': () => ({ keys: [key], partners: [kotra] }),
      'partners.revokeKey': () => revoked,
      'partners.createForEvent': (input) => ({
        id: '0190f5d2-7c1e-7000-8000-0000000000a2',
        contactEmail: null,
        createdAt: '2015-10-01T00:00:00.000Z',
        name: (input as { name: string }).name,
        eventIds: [eventId],
      }),
    });
    setApi(fake.client);
    const store = usePartnersStore();
    await store.load(eventId);
    await store.revokeKey(key.id);
    expect(store.keys).toEqual([revoked]);
    await store.createPartner({ name: 'Daegu Technopark', contactEmail: null });
    expect(store.partners.map((p) => p.name)).toEqual(['Daegu Technopark', 'KOTRA']);
    // A partner made on the event's page is for this event only.
    expect(fake.calls.at(-1)).toEqual({
      path: 'partners.createForEvent',
      input: { eventId, name: 'Daegu Technopark', contactEmail: null },
    });
  });
});
