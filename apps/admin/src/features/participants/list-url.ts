import type { LocationQuery } from 'vue-router';
import { registrationSortFields, registrationStatuses, visaFilter } from '@plenary/contracts/schemas';
import {
  emptyFilters,
  type ListPage,
  type ParticipantFilters,
  type SortField,
  type VisaFilter,
} from './list-query';

/**
 * The participant list's filters, sort and page in the address bar, so a filtered
 * view can be bookmarked or sent to a colleague. Only what differs from the plain
 * list is written; what a hand-edited address gets wrong is dropped, not refused.
 */
const defaultPage: ListPage = { sort: 'createdAt', direction: 'desc', offset: 0, limit: 50 };

export function listToUrl(f: ParticipantFilters, page: ListPage): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.search.trim()) q.q = f.search.trim();
  if (f.statuses.length) q.status = f.statuses.join(',');
  if (f.categoryIds.length) q.category = f.categoryIds.join(',');
  if (f.countries.length) q.country = f.countries.join(',');
  if (f.optionId) q.option = f.optionId;
  if (f.checkedIn !== null) q.checkedIn = f.checkedIn ? 'yes' : 'no';
  if (f.visaLetter) q.visa = f.visaLetter;
  if (page.sort !== defaultPage.sort) q.sort = page.sort;
  if (page.direction !== defaultPage.direction) q.dir = page.direction;
  if (page.offset) q.from = String(page.offset);
  return q;
}

function one(v: LocationQuery[string] | undefined): string {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.trim() : '';
}

function list(v: LocationQuery[string] | undefined): string[] {
  return one(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(allowed: readonly T[], v: string): T | null {
  return (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

const idLike = /^[0-9a-f-]{36}$/i;

export function listFromUrl(query: LocationQuery): { filters: ParticipantFilters; page: ListPage } {
  const filters = emptyFilters();
  filters.search = one(query.q).slice(0, 200);
  filters.statuses = list(query.status).flatMap((s) => oneOf(registrationStatuses, s) ?? []);
  filters.categoryIds = list(query.category).filter((id) => idLike.test(id));
  filters.countries = list(query.country)
    .map((c) => c.toUpperCase())
    .filter((c) => /^[A-Z]{2}$/.test(c));
  const option = one(query.option);
  filters.optionId = idLike.test(option) ? option : null;
  const checkedIn = one(query.checkedIn);
  filters.checkedIn = checkedIn === 'yes' ? true : checkedIn === 'no' ? false : null;
  filters.visaLetter = oneOf<VisaFilter>(visaFilter, one(query.visa));
  const from = Number(one(query.from));
  const page: ListPage = {
    ...defaultPage,
    sort: oneOf<SortField>(registrationSortFields, one(query.sort)) ?? defaultPage.sort,
    direction: one(query.dir) === 'asc' ? 'asc' : 'desc',
    offset: Number.isInteger(from) && from > 0 ? from : 0,
  };
  return { filters, page };
}
