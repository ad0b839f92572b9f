import { ref } from 'vue';
import { defineStore } from 'pinia';
import { api, type ApiClient, type ApiOutput } from '../../api';

export type RegistrationStats = ApiOutput<ApiClient['registrations']['stats']['query']>;

/** The registration dashboard's numbers for one event. */
export const useDashboardStore = defineStore('registrationDashboard', () => {
  const stats = ref<RegistrationStats | null>(null);
  let eventId: string | null = null;

  async function load(id: string): Promise<void> {
    if (eventId !== id) stats.value = null;
    eventId = id;
    stats.value = await api().registrations.stats.query({ eventId: id });
  }

  return { stats, load };
});
