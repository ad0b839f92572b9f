import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type { auditListInput } from '@plenary/contracts/schemas';
import { api, type ApiClient, type ApiOutput } from '../../api';
import { endOfDayIso, startOfDayIso } from '../../lib/zoned-time';

export interface AuditFilters {
  actorUserId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** Picked days, read in the event's time zone. */
  from: Date | null;
  to: Date | null;
}

export type AuditQuery = z.input<typeof auditListInput>;
export type AuditEntry = ApiOutput<ApiClient['audit']['list']['query']>['entries'][number];

export function emptyAuditFilters(): AuditFilters {
  return { actorUserId: null, action: '', objectType: '', objectId: '', from: null, to: null };
}

const pageSize = 50;

/** The audit.list input for a set of filters: blanks left out, days from the start of `from` to the end of `to` in the event's zone. */
export function auditQuery(
  eventId: string,
  filters: AuditFilters,
  timeZone: string,
  cursor?: number,
): AuditQuery {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const query: AuditQuery = { eventId, limit: pageSize };
  if (filters.actorUserId) query.actorUserId = filters.actorUserId;
  const action = text(filters.action);
  if (action) query.action = action;
  const objectType = text(filters.objectType);
  if (objectType) query.objectType = objectType;
  const objectId = text(filters.objectId);
  if (objectId) query.objectId = objectId;
  if (filters.from) query.from = startOfDayIso(filters.from, timeZone);
  if (filters.to) query.to = endOfDayIso(filters.to, timeZone);
  if (cursor !== undefined) query.cursor = cursor;
  return query;
}

/** One event's audit log, newest first, paged by cursor ("older entries"). */
export const useAuditStore = defineStore('audit', () => {
  const entries = ref<AuditEntry[]>([]);
  const nextCursor = ref<number | null>(null);
  let last: { eventId: string; filters: AuditFilters; timeZone: string } | null = null;

  async function search(eventId: string, filters: AuditFilters, timeZone: string): Promise<void> {
    last = { eventId, filters: { ...filters }, timeZone };
    const page = await api().audit.list.query(auditQuery(eventId, filters, timeZone));
    entries.value = page.entries;
    nextCursor.value = page.nextCursor;
  }

  async function loadMore(): Promise<void> {
    if (!last || nextCursor.value === null) return;
    const page = await api().audit.list.query(
      auditQuery(last.eventId, last.filters, last.timeZone, nextCursor.value),
    );
    entries.value = [...entries.value, ...page.entries];
    nextCursor.value = page.nextCursor;
  }

  return { entries, nextCursor, search, loadMore };
});
