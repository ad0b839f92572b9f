import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { PublicAgreementDto, PublicAgreementSummaryDto } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';

function agreementsApi() {
  const api = portalApi().portalAgreements;
  if (!api) throw new Error('the agreements API is not set');
  return api;
}

/** An event's public registry and the agreement open on its page. */
export const useAgreementsStore = defineStore('portal-agreements', () => {
  const list = ref<PublicAgreementSummaryDto[]>([]);
  const current = ref<PublicAgreementDto | null>(null);
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle');

  async function loadRegistry(slug: string) {
    state.value = 'loading';
    try {
      list.value = await agreementsApi().registry.query({ slug });
      state.value = 'ready';
    } catch {
      state.value = 'failed';
    }
  }

  async function loadAgreement(slug: string, agreementId: string) {
    state.value = 'loading';
    try {
      current.value = await agreementsApi().agreement.query({ slug, agreementId });
      state.value = 'ready';
    } catch {
      state.value = 'failed';
    }
  }

  async function endorse(input: { slug: string; agreementId: string; name: string; organisation: string; country: string; title: string }) {
    return agreementsApi().endorse.mutate(input);
  }

  return { list, current, state, loadRegistry, loadAgreement, endorse };
});
