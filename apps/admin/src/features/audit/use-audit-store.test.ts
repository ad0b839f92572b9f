import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { setApi } from '../../api';
import { fakeApi } from '../../testing/fake-api';
import { auditQuery, emptyAuditFilters, useAuditStore } from './use-audit-store';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const entry = (id: number) => ({
  id,
  at: '2015-11-03T00:00:00.000Z',
  actorUserId: null,
  actorLabel: 'system',
  eventId,
  action: 'event.update',
  objectType: 'event',
  objectId: eventId,
  diff: { slug: { before: 'a', after: 'b' } },
});

describe('audit query', () => {
  it('leaves out blank filters and spans the picked days in the event zone', () => {
    const filters = {
      ...emptyAuditFilters(),
      action: '  event.update ',
      objectId: '   ',
      from: new Date(2015, 10, 3),
      to: new Date(2015, 10, 3),
    };
    expect(auditQuery(eventId, filters, 'Asia/Seoul')).toEqual({
      eventId,
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

  it('pages with the cursor and keeps the filters of the search', async () => {
    const fake = fakeApi({
      'audit.list': (input) =>
        (input as { cursor?: number }).cursor === 7
          ? { entries: [entry(6)], nextCursor: null }
          : { entries: [entry(8), entry(7)], nextCursor: 7 },
    });
    setApi(fake.client);
    const audit = useAuditStore();
    await audit.search(eventId, { ...emptyAuditFilters(), objectType: 'event' }, 'Asia/Seoul');
    expect(audit.entries.map((e) => e.id)).toEqual([8, 7]);
    expect(audit.nextCursor).toBe(7);
    await audit.loadMore();
    expect(audit.entries.map((e) => e.id)).toEqual([8, 7, 6]);
    expect(audit.nextCursor).toBe(null);
    expect(fake.calls.map((c) => c.input)).toEqual([
      { eventId, limit: 50, objectType: 'event' },
      { eventId, limit: 50, objectType: 'event', cursor: 7 },
    ]);
  });
});
