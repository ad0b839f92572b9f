import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../api';
import { fakeApi, type OutputOf } from '../../testing/fake-api';
import { useDomainEventsStore } from './use-domain-events-store';

type Page = OutputOf<'domainEvents.list'>;
const page: Page = {
  total: 51,
  events: [
    {
      id: '42',
      type: 'registration.confirmed',
      eventId: '0190f5d2-7c1e-7000-8000-0000000000e1',
      subjectKind: 'registration',
      subjectId: '0190f5d2-7c1e-7000-8000-0000000000r1',
      occurredAt: '2015-11-03T00:00:00.000Z',
      subscribers: [
        {
          name: 'webhooks',
          status: 'pending',
          attempts: 2,
          lastError: 'connection refused',
          processedAt: null,
        },
      ],
    },
  ],
};

describe('domain events store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('loads a page, filtered by a subscriber state', async () => {
    const fake = fakeApi({ 'domainEvents.list': () => page });
    setApi(fake.client);
    const store = useDomainEventsStore();
    await store.load();
    store.status = 'pending';
    store.offset = 50;
    await store.load();
    expect(fake.calls).toEqual([
      { path: 'domainEvents.list', input: { limit: 50, offset: 0 } },
      { path: 'domainEvents.list', input: { limit: 50, offset: 50, status: 'pending' } },
    ]);
    expect([store.total, store.events]).toEqual([51, page.events]);
  });
});
