import type { z } from 'zod';
import type {
  ExportFormat,
  RegistrationStatus,
  registrationExportInput,
  registrationListInput,
  registrationSortFields,
  visaFilter,
} from '@plenary/contracts/schemas';

export type SortField = (typeof registrationSortFields)[number];
export type VisaFilter = (typeof visaFilter)[number];

/** What the filter bar holds; empty means "any". */
export interface ParticipantFilters {
  search: string;
  statuses: RegistrationStatus[];
  categoryIds: string[];
  countries: string[];
  optionId: string | null;
  checkedIn: boolean | null;
  visaLetter: VisaFilter | null;
}

export interface ListPage {
  sort: SortField;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function emptyFilters(): ParticipantFilters {
  return {
    search: '',
    statuses: [],
    categoryIds: [],
    countries: [],
    optionId: null,
    checkedIn: null,
    visaLetter: null,
  };
}

type FilterQuery = Omit<
  z.input<typeof registrationListInput>,
  'eventId' | 'offset' | 'limit' | 'sort' | 'direction'
>;

/** The filters as the list input wants them: blanks and empty lists left out. */
export function filterQuery(f: ParticipantFilters): FilterQuery {
  const q: FilterQuery = {};
  const search = f.search.trim();
  if (search) q.search = search;
  if (f.statuses.length) q.statuses = f.statuses;
  if (f.categoryIds.length) q.categoryIds = f.categoryIds;
  if (f.countries.length) q.countries = f.countries;
  if (f.optionId) q.optionId = f.optionId;
  if (f.checkedIn !== null) q.checkedIn = f.checkedIn;
  if (f.visaLetter) q.visaLetter = f.visaLetter;
  return q;
}

export function listQuery(
  eventId: string,
  f: ParticipantFilters,
  page: ListPage,
): z.input<typeof registrationListInput> {
  return { eventId, ...filterQuery(f), ...page };
}

export function exportQuery(
  eventId: string,
  f: ParticipantFilters,
  page: Pick<ListPage, 'sort' | 'direction'>,
  format: ExportFormat,
  locale: 'ko' | 'en',
): z.input<typeof registrationExportInput> {
  return { eventId, ...filterQuery(f), sort: page.sort, direction: page.direction, format, locale };
}

/** Saves a generated file (base64 from the server) through a temporary link. */
export function downloadFile(file: { filename: string; contentType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
