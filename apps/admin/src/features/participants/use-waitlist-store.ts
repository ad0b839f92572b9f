import { ref } from 'vue';
import { defineStore } from 'pinia';
import { api, type ApiClient, type ApiOutput } from '../../api';

export type WaitlistEntry = ApiOutput<ApiClient['registrations']['waitlist']['query']>[number];

/** The waiting list in order, per category or across the event, and moving people on it. */
export const useWaitlistStore = defineStore('waitlist', () => {
  const eventId = ref<string | null>(null);
  const categoryId = ref<string | null>(null);
  const entries = ref<WaitlistEntry[]>([]);

  async function load(id: string, category: string | null): Promise<void> {
    if (eventId.value !== id) entries.value = [];
    eventId.value = id;
    categoryId.value = category;
    entries.value = await api().registrations.waitlist.query({
      eventId: id,
      ...(category ? { categoryId: category } : {}),
    });
  }

  /**
   * Moves the entry at `index` one place up (-1) or down (+1) in the list shown.
   * Down means "before the one after the next", or last.
   */
  async function move(index: number, step: -1 | 1): Promise<void> {
    const id = eventId.value;
    const entry = entries.value[index];
    if (!id || !entry) return;
    const beforeId =
      step === -1
        ? entries.value[index - 1]?.registrationId
        : (entries.value[index + 2]?.registrationId ?? null);
    if (beforeId === undefined) return;
    await api().registrations.moveInWaitlist.mutate({
      eventId: id,
      registrationId: entry.registrationId,
      beforeId,
    });
    await load(id, categoryId.value);
  }

  return { eventId, categoryId, entries, load, move };
});
