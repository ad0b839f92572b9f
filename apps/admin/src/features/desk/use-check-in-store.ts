import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { CheckInPersonDto, CheckInResultDto } from '@plenary/contracts/schemas';
import { api } from '../../api';
import { saveFile } from './download';

/** The check-in desk of one event: the last result, search matches, and the running count. */
export const useCheckInStore = defineStore('check-in', () => {
  const eventId = ref<string | null>(null);
  const result = ref<CheckInResultDto | null>(null);
  const matches = ref<CheckInPersonDto[]>([]);
  const summary = ref<{ checkedIn: number; confirmed: number } | null>(null);

  function requireEvent(): string {
    if (!eventId.value) throw new Error('check-in store used before open()');
    return eventId.value;
  }

  async function open(id: string): Promise<void> {
    if (eventId.value !== id) {
      result.value = null;
      matches.value = [];
      summary.value = null;
    }
    eventId.value = id;
    await refreshSummary();
  }

  async function refreshSummary(): Promise<void> {
    summary.value = await api().checkIn.summary.query({ eventId: requireEvent() });
  }

  /** A scanned QR code: checks in at once when nothing needs attention. */
  async function scan(ticketCode: string): Promise<CheckInResultDto> {
    const scanned = await api().checkIn.scan.mutate({ eventId: requireEvent(), ticketCode });
    result.value = scanned;
    matches.value = [];
    if (scanned.checkedInNow) await refreshSummary();
    return scanned;
  }

  async function search(query: string): Promise<void> {
    const q = query.trim();
    matches.value = q ? await api().checkIn.search.query({ eventId: requireEvent(), query: q }) : [];
  }

  /** Shows a search match as the current result, with the warnings the desk must see. */
  function choose(person: CheckInPersonDto): void {
    result.value = { person, warnings: warningsOf(person), checkedInNow: false };
  }

  async function checkIn(registrationId: string): Promise<void> {
    result.value = await api().checkIn.checkIn.mutate({ eventId: requireEvent(), registrationId });
    replaceMatch(result.value.person);
    await refreshSummary();
  }

  /** A fee paid at the desk (amount and method audited), then checked in unless told not to. */
  async function takePayment(
    registrationId: string,
    payment: {
      amount: number;
      method: 'cash' | 'card' | 'transfer';
      reference: string | null;
      checkIn: boolean;
    },
  ): Promise<void> {
    result.value = await api().checkIn.takePayment.mutate({
      eventId: requireEvent(),
      registrationId,
      ...payment,
    });
    replaceMatch(result.value.person);
    await refreshSummary();
  }

  async function undo(registrationId: string): Promise<void> {
    result.value = await api().checkIn.undo.mutate({ eventId: requireEvent(), registrationId });
    replaceMatch(result.value.person);
    await refreshSummary();
  }

  async function printBadge(registrationId: string): Promise<void> {
    const file = await api().documents.badges.mutate({
      eventId: requireEvent(),
      registrationIds: [registrationId],
      layout: 'a6',
    });
    saveFile(file, { open: true });
  }

  function replaceMatch(person: CheckInPersonDto | null): void {
    if (!person) return;
    matches.value = matches.value.map((m) => (m.registrationId === person.registrationId ? person : m));
  }

  function clear(): void {
    result.value = null;
    matches.value = [];
  }

  return {
    eventId,
    result,
    matches,
    summary,
    open,
    refreshSummary,
    scan,
    search,
    choose,
    checkIn,
    takePayment,
    undo,
    printBadge,
    clear,
  };
});

/** The same warnings the server gives on a scan, for a person picked from the search. */
export function warningsOf(person: CheckInPersonDto): CheckInResultDto['warnings'] {
  const out: CheckInResultDto['warnings'] = [];
  if (person.status === 'pending') out.push('not_approved');
  if (person.status === 'cancelled') out.push('cancelled');
  if (person.status === 'rejected') out.push('rejected');
  if (person.status === 'waitlisted' || person.status === 'offered') out.push('waitlisted');
  if (person.checkedInAt) out.push('already_checked_in');
  if (person.paymentStatus === 'unpaid') out.push('unpaid');
  return out;
}
