import { ref } from 'vue';
import { defineStore } from 'pinia';
import { api, type ApiClient, type ApiOutput } from '../../api';

export type WaitlistEntry = ApiOutput<ApiClient['registrations']['waitlist']['query']>[number];

/** Which list is shown: a category's (with its open offers), an option's, or every waiting person. */
export type WaitlistScope = { kind: 'all' } | { kind: 'category'; id: string } | { kind: 'option'; id: string };

/** Every waiting list of the event, the open offers, moving people on a category's list and offering now. */
export const useWaitlistStore = defineStore('waitlist', () => {
  const eventId = ref<string | null>(null);
  const scope = ref<WaitlistScope>({ kind: 'all' });
  const entries = ref<WaitlistEntry[]>([]);

  async function load(id: string, next: WaitlistScope): Promise<void> {
    if (eventId.value !== id) entries.value = [];
    eventId.value = id;
    scope.value = next;
    entries.value = await api().registrations.waitlist.query({
      eventId: id,
      ...(next.kind === 'category' ? { categoryId: next.id } : {}),
      ...(next.kind === 'option' ? { optionId: next.id } : {}),
    });
  }

  async function reload(): Promise<void> {
    if (eventId.value) await load(eventId.value, scope.value);
  }

  /** Puts a waiting person at a position of the list shown (their category's, or the option's; 1 = next). */
  async function moveTo(entry: WaitlistEntry, position: number): Promise<void> {
    const id = eventId.value;
    if (!id) return;
    const list = scope.value;
    await api().registrations.moveInWaitlist.mutate({
      eventId: id,
      registrationId: entry.registrationId,
      position,
      ...(list.kind === 'option' ? { optionId: list.id } : {}),
    });
    await reload();
  }

  /** Offers a place now; in a full category only with `addPlace` (its limit goes up by one). */
  async function offerNow(entry: WaitlistEntry, addPlace: boolean): Promise<void> {
    const id = eventId.value;
    if (!id) return;
    await api().registrations.offerNow.mutate({ eventId: id, registrationId: entry.registrationId, addPlace });
    await reload();
  }

  return { eventId, scope, entries, load, moveTo, offerNow };
});
