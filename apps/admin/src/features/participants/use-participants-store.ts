import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { CategoryDto, ExportFormat, OptionDto } from '@plenary/contracts/schemas';
import { api, type ApiClient, type ApiOutput } from '../../api';
import {
  downloadFile,
  emptyFilters,
  exportQuery,
  listQuery,
  type ListPage,
  type ParticipantFilters,
} from './list-query';

export type RegistrationRow = ApiOutput<ApiClient['registrations']['list']['query']>['rows'][number];
export type BulkOutcome = ApiOutput<ApiClient['registrations']['approve']['mutate']>;

/** The participant list of one event: filters, one page from the server, and bulk actions on a selection. */
export const useParticipantsStore = defineStore('participants', () => {
  const eventId = ref<string | null>(null);
  const filters = ref<ParticipantFilters>(emptyFilters());
  const page = ref<ListPage>({ sort: 'createdAt', direction: 'desc', offset: 0, limit: 50 });
  const rows = ref<RegistrationRow[]>([]);
  const total = ref(0);
  const categories = ref<CategoryDto[]>([]);
  const options = ref<OptionDto[]>([]);
  /** Only the newest request may fill the table (a slow older search must not win). */
  let latest = 0;

  function requireEvent(): string {
    if (!eventId.value) throw new Error('participants store used before open()');
    return eventId.value;
  }

  /** Switches to an event: filters and page start over when it is another one. */
  async function open(id: string): Promise<void> {
    if (eventId.value !== id) {
      filters.value = emptyFilters();
      page.value = { ...page.value, offset: 0 };
      rows.value = [];
      total.value = 0;
      categories.value = [];
      options.value = [];
    }
    eventId.value = id;
    const [cats, opts] = await Promise.all([
      api().registrationSetup.categories.query({ eventId: id }),
      api().registrationSetup.options.query({ eventId: id }),
    ]);
    categories.value = cats;
    options.value = opts;
  }

  async function load(): Promise<void> {
    const ticket = ++latest;
    const result = await api().registrations.list.query(listQuery(requireEvent(), filters.value, page.value));
    if (ticket !== latest) return;
    rows.value = result.rows;
    total.value = result.total;
  }

  async function approve(ids: string[]): Promise<BulkOutcome> {
    const outcome = await api().registrations.approve.mutate({
      eventId: requireEvent(),
      registrationIds: ids,
      reason: null,
    });
    await load();
    return outcome;
  }

  function emailMany(ids: string[], subject: string, body: string): Promise<BulkOutcome> {
    return api().registrations.emailMany.mutate({
      eventId: requireEvent(),
      registrationIds: ids,
      subject,
      body,
    });
  }

  /** The list as a file; `columns` is the staff member's choice (null: every column). */
  async function exportList(
    format: ExportFormat,
    locale: 'ko' | 'en',
    columns: string[] | null = null,
  ): Promise<void> {
    const file = await api().exports.registrations.query({
      ...exportQuery(requireEvent(), filters.value, page.value, format, locale),
      ...(columns ? { columns } : {}),
    });
    downloadFile(file);
  }

  return {
    eventId,
    filters,
    page,
    rows,
    total,
    categories,
    options,
    open,
    load,
    approve,
    emailMany,
    exportList,
  };
});
