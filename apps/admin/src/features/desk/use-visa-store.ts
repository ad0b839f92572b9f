import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { VisaLetterStatus, VisaRequestDetailDto, VisaRequestRowDto } from '@plenary/contracts/schemas';
import { api } from '../../api';
import { saveFile } from './download';

/** Visa letter requests of one event: the list for the desk, passport details for owners and admins. */
export const useVisaStore = defineStore('visa', () => {
  const eventId = ref<string | null>(null);
  const rows = ref<VisaRequestRowDto[]>([]);
  const detail = ref<VisaRequestDetailDto | null>(null);

  function requireEvent(): string {
    if (!eventId.value) throw new Error('visa store used before load()');
    return eventId.value;
  }

  async function load(id: string, status?: VisaLetterStatus): Promise<void> {
    if (eventId.value !== id) {
      rows.value = [];
      detail.value = null;
    }
    eventId.value = id;
    rows.value = await api().visa.list.query({ eventId: id, ...(status ? { status } : {}) });
  }

  async function open(requestId: string): Promise<void> {
    detail.value = await api().visa.get.query({ eventId: requireEvent(), requestId });
  }

  async function decide(
    requestId: string,
    decision: 'approve' | 'reject',
    reason: string | null,
  ): Promise<void> {
    const updated = await api().visa.decide.mutate({ eventId: requireEvent(), requestId, decision, reason });
    detail.value = updated;
    rows.value = rows.value.map((r) =>
      r.id === updated.id ? { ...r, status: updated.status, decidedAt: updated.decidedAt } : r,
    );
  }

  async function downloadLetter(requestId: string): Promise<void> {
    saveFile(await api().documents.visaLetter.query({ eventId: requireEvent(), requestId }), { open: true });
  }

  return { eventId, rows, detail, load, open, decide, downloadLetter };
});
