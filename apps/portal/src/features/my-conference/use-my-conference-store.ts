import { defineStore } from 'pinia';
import { ref } from 'vue';
import { apiErrorInfo } from '@plenary/ui';
import type { MyConferenceOutput } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';

export type ConferenceLoadState = 'idle' | 'loading' | 'ready' | 'not-found' | 'error';

/** One event's My conference page, as the server's section providers answered. */
export const useMyConferenceStore = defineStore('my-conference', () => {
  const page = ref<MyConferenceOutput | null>(null);
  const state = ref<ConferenceLoadState>('idle');

  async function load(eventId: string): Promise<void> {
    if (page.value?.event.id !== eventId) page.value = null;
    state.value = page.value ? 'ready' : 'loading';
    try {
      page.value = await portalApi().me.conference.query({ eventId });
      state.value = 'ready';
    } catch (err) {
      const code = apiErrorInfo(err).code;
      state.value = code === 'NOT_FOUND' || code === 'INVALID_INPUT' ? 'not-found' : 'error';
    }
  }

  return { page, state, load };
});
