import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../api';
import { fakeApi } from '../../testing/fake-api';
import {
  auditFilterQuery,
  emptyAuditFilters,
  useAuditStore,
  usePlatformAuditStore,
  type AuditScope,
} from './use-audit-store';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const entry = (id: number) => ({
  id,
  at: '2015-11-03T00:00:00.000Z',
  actor: { kind: 'system' as const, id: null, partnerId: null, name: null },
  actorUserId: null,
  actorLabel: 'system',
  eventId,
  action: 'event.update',
  objectType: 'event',
  objectId: eventId,
  diff: { slug: { before: 'a', after: 'b' } },
});
/** Two pages: the first ends at cursor 7, the one after it is the last. */
const twoPages = (input: unknown) =>
  (input as { cursor?: number }).cursor === 7
    ? { entries: [entry(6)], nextCursor: null }
    : { entries: [entry(8), entry(7)], nextCursor: 7 };

describe('audit query', () => {
  it('leaves out blank filters and spans the picked days in the given zone', () => {
    const filters = {
      ...emptyAuditFilters(),
      action: '  event.update ',
      objectId: '   ',
      from: new Date(2015, 10, 3),
      to: new Date(2015, 10, 3),
    };
    expect(auditFilterQuery(filters, 'Asia/Seoul')).toEqual({
      limit: 50,
      action: 'event.update',
      from: '2015-11-02T15:00:00.000Z',
      to: '2015-11-03T14:59:59.999Z',
    });
  });
});

describe('audit store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('pages one event’s log with the cursor and keeps the filters of the search', async () => {
    const fake = fakeApi({ 'audit.list': twoPages });
    setApi(fake.client);
    const audit = useAuditStore();
    await audit.search(
      { log: 'event', eventId },
      { ...emptyAuditFilters(), objectType: 'event' },
      'Asia/Seoul',
    );
    expect(audit.entries.map((e) => e.id)).toEqual([8, 7]);
    expect(audit.nextCursor).toBe(7);
    await audit.loadMore();
    expect(audit.entries.map((e) => e.id)).toEqual([8, 7, 6]);
    expect(audit.nextCursor).toBe(null);
    expect(fake.calls).toEqual([
      { path: 'audit.list', input: { eventId, limit: 50, objectType: 'event' } },
      { path: 'audit.list', input: { eventId, limit: 50, objectType: 'event', cursor: 7 } },
    ]);
  });

  it.each<[string, AuditScope, Record<string, unknown>]>([
    ['every entry: eventId left out', { log: 'platform' }, {}],
    ['entries of no event: eventId null', { log: 'platform', eventId: null }, { eventId: null }],
    ['one event’s entries: its id', { log: 'platform', eventId }, { eventId }],
  ])('asks the platform log for %s, on every page', async (_scope, scope, eventPart) => {
    const fake = fakeApi({ 'audit.listPlatform': twoPages });
    setApi(fake.client);
    const audit = usePlatformAuditStore();
    await audit.search(scope, { ...emptyAuditFilters(), action: 'user.create' }, 'Asia/Seoul');
    await audit.loadMore();
    expect(audit.entries.map((e) => e.id)).toEqual([8, 7, 6]);
    expect(fake.calls).toEqual([
      { path: 'audit.listPlatform', input: { ...eventPart, limit: 50, action: 'user.create' } },
      { path: 'audit.listPlatform', input: { ...eventPart, limit: 50, action: 'user.create', cursor: 7 } },
    ]);
    // toEqual reads a property set to undefined as left out: check the key itself.
    expect(fake.calls.map((c) => Object.hasOwn(c.input as object, 'eventId'))).toEqual([
      'eventId' in eventPart,
      'eventId' in eventPart,
    ]);
  });

  it('keeps the event page’s entries apart from the platform page’s', async () => {
    setApi(
      fakeApi({
        'audit.list': () => ({ entries: [entry(3)], nextCursor: null }),
        'audit.listPlatform': () => ({ entries: [entry(9)], nextCursor: null }),
      }).client,
    );
    await useAuditStore().search({ log: 'event', eventId }, emptyAuditFilters(), 'Asia/Seoul');
    await usePlatformAuditStore().search({ log: 'platform' }, emptyAuditFilters(), 'Asia/Seoul');
    expect(useAuditStore().entries.map((e) => e.id)).toEqual([3]);
    expect(usePlatformAuditStore().entries.map((e) => e.id)).toEqual([9]);
  });

  it('does not ask for more after the last page', async () => {
    const fake = fakeApi({ 'audit.listPlatform': () => ({ entries: [entry(1)], nextCursor: null }) });
    setApi(fake.client);
    const audit = usePlatformAuditStore();
    await audit.loadMore();
    await audit.search({ log: 'platform', eventId: null }, emptyAuditFilters(), 'Asia/Seoul');
    await audit.loadMore();
    expect(fake.calls).toEqual([{ path: 'audit.listPlatform', input: { eventId: null, limit: 50 } }]);
  });
});
