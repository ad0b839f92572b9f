import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { DashboardDto, FairDto, MeetingDto, ProfileDto } from '@plenary/contracts/schemas';
import { api } from '../../api';

/** The event's B2B fair as the coordinator sees it: the grid, the profiles, the figures. */
export const useB2bStore = defineStore('b2b', () => {
  const fair = ref<FairDto | null>(null);
  const meetings = ref<MeetingDto[]>([]);
  const profiles = ref<ProfileDto[]>([]);
  const dashboard = ref<DashboardDto | null>(null);

  async function loadGrid(eventId: string): Promise<void> {
    fair.value = await api().b2b.fair.query({ eventId });
    meetings.value = fair.value ? await api().b2b.meetings.query({ eventId }) : [];
  }

  async function loadProfiles(eventId: string): Promise<void> {
    fair.value = await api().b2b.fair.query({ eventId });
    profiles.value = fair.value ? await api().b2b.profiles.query({ eventId }) : [];
  }

  async function loadDashboard(eventId: string): Promise<void> {
    fair.value = await api().b2b.fair.query({ eventId });
    dashboard.value = fair.value ? await api().b2b.dashboard.query({ eventId }) : null;
  }

  async function setStatus(eventId: string, profileId: string, status: 'validated' | 'rejected') {
    const saved = await api().b2b.setProfileStatus.mutate({ eventId, profileId, status });
    profiles.value = profiles.value.map((p) => (p.id === saved.id ? saved : p));
  }

  return { fair, meetings, profiles, dashboard, loadGrid, loadProfiles, loadDashboard, setStatus };
});
