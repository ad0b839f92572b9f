import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { SigningRequestDto, VerifyDocumentOutput } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';

function signingApi() {
  const api = portalApi().portalSigning;
  if (!api) throw new Error('the signing API is not set');
  return api;
}

type Signature = { kind: 'typed'; name: string } | { kind: 'drawn'; dataUrl: string };

/** The signing request open on the signing page, and the verification page's answer. */
export const useSigningStore = defineStore('portal-signing', () => {
  const request = ref<SigningRequestDto | null>(null);
  const state = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  const verdict = ref<VerifyDocumentOutput | null>(null);

  async function load(envelopeId: string) {
    state.value = 'loading';
    try {
      request.value = await signingApi().request.query({ envelopeId });
      state.value = 'ready';
    } catch {
      state.value = 'failed';
    }
  }

  async function sign(sha256: string, signature: Signature) {
    if (!request.value) throw new Error('nothing to sign');
    return signingApi().sign.mutate({ envelopeId: request.value.envelopeId, sha256, signature });
  }

  async function decline(reason: string) {
    if (!request.value) throw new Error('nothing to decline');
    return signingApi().decline.mutate({ envelopeId: request.value.envelopeId, reason });
  }

  async function verify(input: { code: string } | { pdfBase64: string }) {
    verdict.value = await signingApi().verify.mutate(input);
    return verdict.value;
  }

  return { request, state, verdict, load, sign, decline, verify };
});
