import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type { auditListInput, platformAuditListInput } from '@plenary/contracts/schemas';
import { api, type ApiClient, type ApiOutput } from '../../api';
import { endOfDayIso, startOfDayIso } from '../../lib/zoned-time';

export interface AuditFilters {
  actorUserId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** Picked days, read in the page's time zone (the event's, or the browser's on the platform page). */
  from: Date | null;
  to: Date | null;
}

/**
 * Whose log to read. One event's goes through audit.list (the event's owners and
 * admins); the platform's through audit.listPlatform (platform admins), where
 * eventId left out means every entry, null the entries of no event (accounts,
 * sign-in security) and an id that event's entries.
 */
export type AuditScope = { log: 'event'; eventId: string } | { log: 'platform'; eventId?: string | null };

export type AuditQuery = z.input<typeof auditListInput>;
export type PlatformAuditQuery = z.input<typeof platformAuditListInput>;
/** The part of a query both procedures share: filters, page size and cursor. */
export type AuditFilterQuery = Omit<AuditQuery, 'eventId'>;
export type AuditEntry = ApiOutput<ApiClient['audit']['list']['query']>['entries'][number];

export function emptyAuditFilters(): AuditFilters {
  return { actorUserId: null, action: '', objectType: '', objectId: '', from: null, to: null };
}

const pageSize = 50;

/** The filters as query fields: blanks left out, days from the start of `from` to the end of `to` in `timeZone`. */
export function auditFilterQuery(filters: AuditFilters, timeZone: string, cursor?: number): AuditFilterQuery {
  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const query: AuditFilterQuery = { limit: pageSize };
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

function fetchPage(scope: AuditScope, query: AuditFilterQuery) {
  if (scope.log === 'event') return api().audit.list.query({ eventId: scope.eventId, ...query });
  // Left out and null ask for different things (all entries / entries of no event): pass null on.
  const input: PlatformAuditQuery =
    scope.eventId === undefined ? query : { eventId: scope.eventId, ...query };
  return api().audit.listPlatform.query(input);
}

/** A log, newest first, paged by cursor ("older entries"). */
function auditLog() {
  const entries = ref<AuditEntry[]>([]);
  const nextCursor = ref<number | null>(null);
  let last: { scope: AuditScope; filters: AuditFilters; timeZone: string } | null = null;

  async function search(scope: AuditScope, filters: AuditFilters, timeZone: string): Promise<void> {
    last = { scope: { ...scope }, filters: { ...filters }, timeZone };
    const page = await fetchPage(scope, auditFilterQuery(filters, timeZone));
    entries.value = page.entries;
    nextCursor.value = page.nextCursor;
  }

  async function loadMore(): Promise<void> {
    if (!last || nextCursor.value === null) return;
    const page = await fetchPage(last.scope, auditFilterQuery(last.filters, last.timeZone, nextCursor.value));
    entries.value = [...entries.value, ...page.entries];
    nextCursor.value = page.nextCursor;
  }

  return { entries, nextCursor, search, loadMore };
}

/** The open event's log (event owners and admins). */
export const useAuditStore = defineStore('audit', auditLog);

/** The whole platform's log (platform admins); its own store, so neither page shows the other's entries. */
export const usePlatformAuditStore = defineStore('platform-audit', auditLog);

export type AuditLogStore = Pick<ReturnType<typeof useAuditStore>, 'search' | 'loadMore'>;
