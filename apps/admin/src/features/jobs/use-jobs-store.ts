import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { ScheduledJobDto } from '@plenary/contracts/schemas';
import { api } from '../../api';

/** The platform's scheduled jobs, each with its last run (read-only). */
export const useJobsStore = defineStore('jobs', () => {
  const jobs = ref<ScheduledJobDto[]>([]);

  async function load(): Promise<void> {
    jobs.value = (await api().jobs.list.query()).jobs;
  }

  return { jobs, load };
});
