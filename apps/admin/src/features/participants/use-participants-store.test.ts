import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../api';
import { fakeApi, type OutputOf } from '../../testing/fake-api';
import { useParticipantsStore } from './use-participants-store';
import { useWaitlistStore } from './use-waitlist-store';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
type Row = OutputOf<'registrations.list'>['rows'][number];
type Entry = OutputOf<'registrations.waitlist'>[number];
const row = (reference: string): Row => ({
  id: `id-${reference}`,
  reference,
  status: 'confirmed',
  categoryId: 'cat',
  categoryLabel: { en: 'Participants' },
  categoryColour: '#2563eb',
  givenName: 'Minh',
  familyName: 'Nguyen',
  localName: null,
  email: `${reference.toLowerCase()}@example.org`,
  organisation: 'Vietnam Cluster Network',
  country: 'VN',
  paymentStatus: 'not_required',
  checkedInAt: null,
  visaLetterStatus: null,
  createdAt: '2015-10-01T00:00:00.000Z',
});
const entry = (n: number): Entry => ({
  registrationId: `r${n}`,
  reference: `TCI-000${n}`,
  position: n,
  status: 'waitlisted',
  offerExpiresAt: null,
  name: `Delegate ${n}`,
  organisation: 'KICOX',
  country: 'KR',
  categoryId: 'cat',
  categoryLabel: { en: 'Participants' },
  createdAt: '2015-10-01T00:00:00.000Z',
});

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => setApi(null));

describe('participants store', () => {
  it('keeps the newest search when an older answer comes back last', async () => {
    const pending: Array<(value: OutputOf<'registrations.list'>) => void> = [];
    const fake = fakeApi({
      'registrationSetup.categories': () => [],
      'registrationSetup.options': () => [],
      'registrations.list': () => new Promise((resolve) => pending.push(resolve)),
    });
    setApi(fake.client);
    const store = useParticipantsStore();
    await store.open(eventId);
    store.filters = { ...store.filters, search: 'ki' };
    const older = store.load();
    store.filters = { ...store.filters, search: 'kim' };
    const newer = store.load();
    await Promise.resolve();
    pending[1]?.({ rows: [row('KIM1')], total: 1 });
    await newer;
    pending[0]?.({ rows: [row('KI1'), row('KI2')], total: 2 });
    await older;
    expect(store.rows.map((r) => r.reference)).toEqual(['KIM1']);
    expect(store.total).toBe(1);
    expect(fake.calls.filter((c) => c.path === 'registrations.list').map((c) => c.input)).toEqual([
      { eventId, search: 'ki', sort: 'createdAt', direction: 'desc', offset: 0, limit: 50 },
      { eventId, search: 'kim', sort: 'createdAt', direction: 'desc', offset: 0, limit: 50 },
    ]);
  });

  it('approves only what it is given and reloads the page', async () => {
    const fake = fakeApi({
      'registrationSetup.categories': () => [],
      'registrationSetup.options': () => [],
      'registrations.approve': () => ({ changed: 1, skipped: [] }),
      'registrations.list': () => ({ rows: [], total: 0 }),
    });
    setApi(fake.client);
    const store = useParticipantsStore();
    await store.open(eventId);
    expect(await store.approve(['a'])).toEqual({ changed: 1, skipped: [] });
    expect(fake.calls.map((c) => c.path)).toEqual([
      'registrationSetup.categories',
      'registrationSetup.options',
      'registrations.approve',
      'registrations.list',
    ]);
    expect(fake.calls[2]?.input).toEqual({ eventId, registrationIds: ['a'], reason: null });
  });
});

describe('waitlist store', () => {
  async function loaded() {
    const fake = fakeApi({
      'registrations.waitlist': () => [entry(1), entry(2), entry(3), entry(4)],
      'registrations.moveInWaitlist': () => undefined,
    });
    setApi(fake.client);
    const store = useWaitlistStore();
    await store.load(eventId, { kind: 'category', id: 'cat' });
    return { fake, store };
  }
  const moves = (fake: ReturnType<typeof fakeApi>) =>
    fake.calls.filter((c) => c.path === 'registrations.moveInWaitlist').map((c) => c.input);

  it('moves someone to a position of the category list, then reloads that list', async () => {
    const { fake, store } = await loaded();
    await store.moveTo(store.entries[3]!, 1);
    expect(moves(fake)).toEqual([{ eventId, registrationId: 'r4', position: 1 }]);
    expect(fake.calls.at(-1)).toEqual({
      path: 'registrations.waitlist',
      input: { eventId, categoryId: 'cat' },
    });
  });

  it('moves someone on an option list by naming the option', async () => {
    const { fake, store } = await loaded();
    await store.load(eventId, { kind: 'option', id: 'tour' });
    await store.moveTo(store.entries[2]!, 1);
    expect(moves(fake)).toEqual([{ eventId, registrationId: 'r3', position: 1, optionId: 'tour' }]);
  });

  it('asks for an option list by its id', async () => {
    const { fake, store } = await loaded();
    await store.load(eventId, { kind: 'option', id: 'tour' });
    expect(fake.calls.at(-1)).toEqual({ path: 'registrations.waitlist', input: { eventId, optionId: 'tour' } });
  });
});
