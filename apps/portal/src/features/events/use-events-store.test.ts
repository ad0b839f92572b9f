import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublicEventDto } from '@plenary/contracts/schemas';
import { setPortalApi, type PortalApi } from '../../api';
import { englishOnly, fakePortalApi, tci2015 } from '../../testing/fake-portal-api';
import { useEventsStore } from './use-events-store';

/** A promise the test settles by hand, to look at the store mid-request. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useEventsStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  describe('loadEvents', () => {
    it('holds the published events the server returns, in its order', async () => {
      setPortalApi(fakePortalApi([tci2015, englishOnly]));
      const store = useEventsStore();
      expect(store.listState).toBe('idle');
      const loading = store.loadEvents();
      expect(store.listState).toBe('loading');
      await loading;
      expect(store.listState).toBe('ready');
      expect(store.events).toEqual([tci2015, englishOnly]);
    });

    it('is ready with an empty list when nothing is published', async () => {
      setPortalApi(fakePortalApi([]));
      const store = useEventsStore();
      await store.loadEvents();
      expect(store.listState).toBe('ready');
      expect(store.events).toEqual([]);
    });

    it('reports an error when the server cannot be reached', async () => {
      const offline: PortalApi = {
        ...fakePortalApi([]),
        portal: {
          events: { query: () => Promise.reject(new TypeError('Failed to fetch')) },
          event: { query: () => Promise.reject(new TypeError('Failed to fetch')) },
        },
      };
      setPortalApi(offline);
      const store = useEventsStore();
      await store.loadEvents();
      expect(store.listState).toBe('error');
      expect(store.events).toEqual([]);
    });
  });

  describe('loadEvent', () => {
    it('loads one event by its slug, normalised as the server does', async () => {
      const api = fakePortalApi([tci2015]);
      setPortalApi(api);
      const store = useEventsStore();
      await store.loadEvent(' TCI-2015 ');
      expect(api.askedSlugs).toEqual(['tci-2015']);
      expect(store.eventState).toBe('ready');
      expect(store.event).toEqual(tci2015);
    });

    it('says not-found (not error) for a slug the server does not know', async () => {
      const api = fakePortalApi([tci2015]);
      setPortalApi(api);
      const store = useEventsStore();
      await store.loadEvent('tci-2015');
      await store.loadEvent('no-such-event');
      expect(api.askedSlugs).toEqual(['tci-2015', 'no-such-event']);
      expect(store.eventState).toBe('not-found');
      expect(store.event).toBeNull();
    });

    it('says error when the request fails for another reason', async () => {
      setPortalApi({
        ...fakePortalApi([]),
        portal: {
          events: { query: async () => [] },
          event: { query: () => Promise.reject(new TypeError('Failed to fetch')) },
        },
      });
      const store = useEventsStore();
      await store.loadEvent('tci-2015');
      expect(store.eventState).toBe('error');
      expect(store.event).toBeNull();
    });

    it('shows an event from the list at once, then the fresh copy', async () => {
      const fresh = deferred<PublicEventDto>();
      const renamed = { ...tci2015, title: { ko: '새 이름', en: 'New name' } };
      setPortalApi({
        ...fakePortalApi([]),
        portal: { events: { query: async () => [tci2015] }, event: { query: () => fresh.promise } },
      });
      const store = useEventsStore();
      await store.loadEvents();
      const loading = store.loadEvent('tci-2015');
      expect(store.eventState).toBe('ready');
      expect(store.event).toEqual(tci2015);
      fresh.resolve(renamed);
      await loading;
      expect(store.event).toEqual(renamed);
    });

    it('keeps the last asked event when an earlier answer arrives late', async () => {
      const slow = deferred<PublicEventDto>();
      const fast = deferred<PublicEventDto>();
      setPortalApi({
        ...fakePortalApi([]),
        portal: {
          events: { query: async () => [] },
          event: { query: ({ slug }) => (slug === 'tci-2015' ? slow.promise : fast.promise) },
        },
      });
      const store = useEventsStore();
      const first = store.loadEvent('tci-2015');
      const second = store.loadEvent('english-only');
      fast.resolve(englishOnly);
      await second;
      slow.resolve(tci2015);
      await first;
      expect(store.event).toEqual(englishOnly);
      expect(store.eventState).toBe('ready');
    });
  });
});
