import { defineStore } from 'pinia';
import { ref } from 'vue';
import { apiErrorInfo, type ApiErrorInfo } from '@plenary/ui';
import type { DelegationDto } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';
import { forgetLinkToken, linkToken, setActiveLinkKind } from '../../lib/link-token';

export type DelegationLoadState = 'idle' | 'loading' | 'ready' | 'error' | 'no-link' | 'link-invalid';

const refusedLink = new Set(['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND']);

/** A delegation's members, as its contact sees them through the emailed link. */
export const useDelegationStore = defineStore('delegation', () => {
  const delegation = ref<DelegationDto | null>(null);
  const state = ref<DelegationLoadState>('idle');
  const cancelling = ref<string | null>(null);
  const cancelError = ref<{ registrationId: string; info: ApiErrorInfo } | null>(null);

  async function load(): Promise<void> {
    setActiveLinkKind('delegation');
    if (!linkToken('delegation')) {
      state.value = 'no-link';
      return;
    }
    state.value = delegation.value ? 'ready' : 'loading';
    try {
      delegation.value = await portalApi().delegations.mine.query();
      state.value = 'ready';
    } catch (err) {
      if (refusedLink.has(apiErrorInfo(err).code)) {
        forgetLinkToken('delegation');
        delegation.value = null;
        state.value = 'link-invalid';
      } else {
        state.value = delegation.value ? 'ready' : 'error';
      }
    }
  }

  async function cancelMember(registrationId: string): Promise<boolean> {
    cancelling.value = registrationId;
    cancelError.value = null;
    try {
      delegation.value = await portalApi().delegations.cancelMember.mutate({ registrationId, reason: null });
      return true;
    } catch (err) {
      cancelError.value = { registrationId, info: apiErrorInfo(err) };
      return false;
    } finally {
      cancelling.value = null;
    }
  }

  return { delegation, state, cancelling, cancelError, load, cancelMember };
});
