import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { OrganisationDto } from '@plenary/contracts/schemas';
import { setApi } from '../../api';
import { fakeApi } from '../../testing/fake-api';
import { useOrganisationsStore } from './use-organisations-store';

const org = (id: string, en: string, registrations = 0): OrganisationDto => ({
  id: `0190f5d2-7c1e-7000-8000-0000000000${id}`,
  name: { en },
  country: 'ES',
  type: 'network',
  website: null,
  aliases: [],
  registrations,
  partners: 0,
  createdAt: '2015-10-01T00:00:00.000Z',
  updatedAt: '2015-10-01T00:00:00.000Z',
});
const tci = org('a1', 'TCI Network', 3);
const dup = org('a2', 'The TCI Network', 1);

describe('organisations store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('keeps the filter between pages and drops merged duplicates from the page', async () => {
    const fake = fakeApi({
      'organisations.list': () => ({ items: [tci, dup], total: 2 }),
      'organisations.merge': () => ({ ...tci, aliases: ['The TCI Network'], registrations: 4 }),
    });
    setApi(fake.client);
    const store = useOrganisationsStore();
    await store.load({ search: 'tci', type: 'network' });
    await store.load({ offset: 50 });
    expect(fake.calls.map((c) => c.input)).toEqual([
      { search: 'tci', type: 'network', limit: 50, offset: 0 },
      { search: 'tci', type: 'network', limit: 50, offset: 50 },
    ]);
    await store.merge(tci.id, [dup.id]);
    expect(store.items).toEqual([{ ...tci, aliases: ['The TCI Network'], registrations: 4 }]);
    expect(store.total).toBe(1);
    expect(fake.calls.at(-1)).toEqual({
      path: 'organisations.merge',
      input: { survivorId: tci.id, duplicateIds: [dup.id] },
    });
  });
});
