import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { MyB2bMeetingDto } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';

function myB2bApi() {
  const api = portalApi().myB2b;
  if (!api) throw new Error('the B2B API is not set');
  return api;
}

/** The meeting open on the meeting page. */
export const useB2bStore = defineStore('portal-b2b', () => {
  const meeting = ref<MyB2bMeetingDto | null>(null);
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle');

  async function load(meetingId: string) {
    state.value = 'loading';
    meeting.value = null;
    try {
      meeting.value = await myB2bApi().meeting.query({ meetingId });
      state.value = 'ready';
    } catch {
      state.value = 'failed';
    }
  }

  return { meeting, state, load };
});
