import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type {
  cfpConsentInput,
  cfpSettingsInput,
  cfpSetupDto,
  cfpTrackInput,
  cfpTypeInput,
  submissionListInput,
  submissionRowDto,
} from '@plenary/contracts/schemas';
import { api, type ApiClient } from '../../api';

type Detail = Awaited<ReturnType<ApiClient['papers']['get']['query']>>;

type Setup = z.output<typeof cfpSetupDto>;
type ListFilter = Omit<z.input<typeof submissionListInput>, 'eventId'>;

/** One event's call for papers and its submissions, a page at a time (server-side paging and sorting). */
export const usePapersStore = defineStore('papers', () => {
  const setup = ref<Setup | null>(null);
  const rows = ref<Array<z.output<typeof submissionRowDto>>>([]);
  const total = ref(0);
  const filter = ref<ListFilter>({ limit: 25, offset: 0, sort: 'createdAt', order: 'desc' });
  const detail = ref<Detail | null>(null);

  async function loadSetup(eventId: string) {
    setup.value = await api().papers.setup.query({ eventId });
  }
  async function saveSettings(input: z.input<typeof cfpSettingsInput>) {
    setup.value = await api().papers.saveSettings.mutate(input);
  }
  async function saveTrack(input: z.input<typeof cfpTrackInput>) {
    await api().papers.saveTrack.mutate(input);
    await loadSetup(input.eventId);
  }
  async function saveType(input: z.input<typeof cfpTypeInput>) {
    await api().papers.saveType.mutate(input);
    await loadSetup(input.eventId);
  }
  async function publishConsent(input: z.input<typeof cfpConsentInput>) {
    await api().papers.publishConsent.mutate(input);
    await loadSetup(input.eventId);
  }
  async function loadPage(eventId: string, next: Partial<ListFilter> = {}) {
    const wanted = { ...filter.value, ...next };
    const page = await api().papers.list.query({ eventId, ...wanted });
    filter.value = wanted;
    rows.value = page.rows;
    total.value = page.total;
  }
  async function open(eventId: string, submissionId: string) {
    detail.value = await api().papers.get.query({ eventId, submissionId });
  }

  return {
    setup,
    rows,
    total,
    filter,
    detail,
    loadSetup,
    saveSettings,
    saveTrack,
    saveType,
    publishConsent,
    loadPage,
    open,
  };
});
