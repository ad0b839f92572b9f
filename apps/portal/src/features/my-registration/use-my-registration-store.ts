import { defineStore } from 'pinia';
import { ref } from 'vue';
import { apiErrorInfo, type ApiErrorInfo } from '@plenary/ui';
import type { FileDto, MyRegistrationDto, RegistrationFormDto } from '@plenary/contracts/schemas';
import {
  portalApi,
  type CorrectMyNameRequest,
  type UpdateMyRegistrationRequest,
  type VisaLetterRequest,
} from '../../api';
import {
  forgetLinkToken,
  linkToken,
  markEmailVerified,
  needsEmailVerification,
  setActiveLinkKind,
} from '../../lib/link-token';
import { useAccountStore } from '../account/use-account-store';

/** no-link: the page was opened without a token (a bookmark in a new tab); link-invalid: the server refused it. */
export type MyLoadState = 'idle' | 'loading' | 'ready' | 'error' | 'no-link' | 'link-invalid';

const refusedLink = new Set(['UNAUTHENTICATED', 'TOKEN_INVALID', 'FORBIDDEN', 'NOT_FOUND']);

/** The participant's own registration, reached with the emailed link's token. */
export const useMyRegistrationStore = defineStore('my-registration', () => {
  const registration = ref<MyRegistrationDto | null>(null);
  const state = ref<MyLoadState>('idle');
  /** The event's form: its questions and options, for editing answers and choosing options. */
  const form = ref<RegistrationFormDto | null>(null);
  const busy = ref<string | null>(null);
  /** The last action that failed and why, shown next to that action. */
  const actionError = ref<{ action: string; info: ApiErrorInfo } | null>(null);

  async function load(): Promise<void> {
    setActiveLinkKind('participant');
    const token = linkToken('participant');
    if (!token) {
      state.value = 'no-link';
      return;
    }
    state.value = registration.value ? 'ready' : 'loading';
    try {
      // The first open of an emailed link proves the address; later loads only read.
      if (needsEmailVerification(token)) {
        registration.value = await portalApi().myRegistration.verifyEmail.mutate();
        markEmailVerified();
        // The link proves the mail was read: it signs the address in, so the page and
        // My conference open in any tab, from a bookmark, after the browser restarts.
        await useAccountStore().signInWithRegistrationLink();
      } else {
        registration.value = await portalApi().myRegistration.get.query();
      }
      state.value = 'ready';
      void loadForm(registration.value.event.id);
    } catch (err) {
      const info = apiErrorInfo(err);
      if (refusedLink.has(info.code)) {
        forgetLinkToken('participant');
        registration.value = null;
        state.value = 'link-invalid';
      } else {
        state.value = registration.value ? 'ready' : 'error';
      }
    }
  }

  async function loadForm(eventId: string): Promise<void> {
    try {
      form.value = await portalApi().portalRegistration.form.query({ eventId });
    } catch {
      form.value = null; // editing answers and options waits; the rest of the page works
    }
  }

  /** Runs one change; the page shows the new registration, or the error next to the action. */
  async function act(name: string, call: () => Promise<MyRegistrationDto>): Promise<boolean> {
    busy.value = name;
    actionError.value = null;
    try {
      registration.value = await call();
      return true;
    } catch (err) {
      actionError.value = { action: name, info: apiErrorInfo(err) };
      return false;
    } finally {
      busy.value = null;
    }
  }

  const api = () => portalApi().myRegistration;
  const acceptOffer = () => act('accept', () => api().acceptOffer.mutate());
  const declineOffer = () => act('decline', () => api().declineOffer.mutate());
  const cancel = (reason: string) =>
    act('cancel', () => api().cancel.mutate({ reason: reason.trim() || null }));
  const update = (input: UpdateMyRegistrationRequest) => act('update', () => api().update.mutate(input));
  /** The name as in the passport and in the participant's script, until the organiser's cutoff. */
  const correctName = (input: CorrectMyNameRequest) => act('correctName', () => api().correctName.mutate(input));

  async function requestVisaLetter(input: VisaLetterRequest): Promise<boolean> {
    busy.value = 'visa';
    actionError.value = null;
    try {
      await portalApi().visa.request.mutate(input);
      registration.value = await api().get.query();
      return true;
    } catch (err) {
      actionError.value = { action: 'visa', info: apiErrorInfo(err) };
      return false;
    } finally {
      busy.value = null;
    }
  }

  async function download(kind: 'myTicket' | 'myReceipt' | 'myVisaLetter'): Promise<FileDto | null> {
    busy.value = kind;
    actionError.value = null;
    try {
      return await portalApi().documents[kind].query();
    } catch (err) {
      actionError.value = { action: kind, info: apiErrorInfo(err) };
      return null;
    } finally {
      busy.value = null;
    }
  }

  return {
    registration,
    state,
    form,
    busy,
    actionError,
    load,
    acceptOffer,
    declineOffer,
    cancel,
    update,
    correctName,
    requestVisaLetter,
    download,
  };
});
