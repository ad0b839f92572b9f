import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../api';
import { fakeApi } from '../../testing/fake-api';
import { usePlatformPartnersStore } from './use-platform-partners-store';

const ev1 = '0190f5d2-7c1e-7000-8000-0000000000e1';
const ev2 = '0190f5d2-7c1e-7000-8000-0000000000e2';
const kotra = {
  id: '0190f5d2-7c1e-7000-8000-0000000000a1',
  name: 'KOTRA',
  contactEmail: null,
  eventIds: [ev1],
  createdAt: '2015-10-01T00:00:00.000Z',
};

describe('platform partners store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('saves a partner and links it only when its events changed', async () => {
    const fake = fakeApi({
      'partners.list': () => [kotra],
      'partners.update': (input) => ({ ...kotra, name: (input as { name: string }).name }),
      'partners.setEvents': (input) => ({ ...kotra, eventIds: (input as { eventIds: string[] }).eventIds }),
    });
    setApi(fake.client);
    const store = usePlatformPartnersStore();
    await store.load();
    await store.save(kotra.id, { name: 'KOTRA Seoul', contactEmail: null }, [ev1]);
    expect(store.partners).toEqual([{ ...kotra, name: 'KOTRA Seoul' }]);
    await store.save(kotra.id, { name: 'KOTRA', contactEmail: null }, [ev1, ev2]);
    expect(store.partners).toEqual([{ ...kotra, eventIds: [ev1, ev2] }]);
    expect(fake.calls.map((c) => c.path)).toEqual([
      'partners.list',
      'partners.update',
      'partners.update',
      'partners.setEvents',
    ]);
    expect(fake.calls.at(-1)?.input).toEqual({ partnerId: kotra.id, eventIds: [ev1, ev2] });
  });
});
