import { defineStore } from 'pinia';
import { ref } from 'vue';
import { apiErrorInfo, localizedFieldErrors, type ApiErrorInfo } from '@plenary/ui';
import type { Locale, RegistrationFormDto, RegistrationReceiptDto } from '@plenary/contracts/schemas';
import { portalApi } from '../../api';
import { usePrerendered } from '../../lib/prerendered';
import { emptyDraft, validateRegistration, type FieldErrors, type RegistrationDraft } from './register-form';

export type FormLoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The registration form of one event: what the server offers, what the person entered, and the outcome. */
export const useRegistrationStore = defineStore('registration', () => {
  const form = ref<RegistrationFormDto | null>(null);
  const formState = ref<FormLoadState>('idle');
  const draft = ref<RegistrationDraft>(emptyDraft());
  const fieldErrors = ref<FieldErrors>({});
  /** Errors found in the browser are re-worded when the language changes; the server's stay as sent. */
  const errorsAreLocal = ref(false);
  const submitError = ref<ApiErrorInfo | null>(null);
  const submitting = ref(false);
  const codeChecking = ref(false);
  const receipt = ref<RegistrationReceiptDto | null>(null);

  const prerendered = usePrerendered();

  async function loadForm(eventId: string): Promise<void> {
    if (prerendered.take(`form:${eventId}`)) return;
    if (form.value?.eventId !== eventId) {
      draft.value = emptyDraft();
      fieldErrors.value = {};
      submitError.value = null;
      form.value = null;
    }
    formState.value = form.value ? 'ready' : 'loading';
    try {
      form.value = await portalApi().portalRegistration.form.query({
        eventId,
        ...(draft.value.invitationCode ? { invitationCode: draft.value.invitationCode } : {}),
      });
      formState.value = 'ready';
      dropUnavailableCategory();
    } catch {
      formState.value = form.value ? 'ready' : 'error';
    }
  }

  /** Reloads the form with a code, which may unlock a hidden category. Returns whether it worked. */
  async function applyCode(code: string): Promise<boolean> {
    if (!form.value) return false;
    const typed = code.trim().toUpperCase();
    codeChecking.value = true;
    try {
      const next = await portalApi().portalRegistration.form.query({
        eventId: form.value.eventId,
        ...(typed ? { invitationCode: typed } : {}),
      });
      form.value = next;
      const valid = !typed || (next.invitationCode?.valid ?? false);
      draft.value.invitationCode = valid ? typed : '';
      // A code that unlocks a category chooses it: that is what the person came for.
      const unlocked = next.categories.find((c) => c.viaCode);
      if (valid && unlocked) draft.value.categoryId = unlocked.id;
      dropUnavailableCategory();
      return valid;
    } catch (err) {
      submitError.value = apiErrorInfo(err);
      return false;
    } finally {
      codeChecking.value = false;
    }
  }

  function dropUnavailableCategory() {
    const chosen = form.value?.categories.find((c) => c.id === draft.value.categoryId);
    if (!chosen || !chosen.open) draft.value.categoryId = '';
  }

  /** Checks in the browser; marks the fields and returns false when something is wrong. */
  function validate(locale: Locale, chooseCategoryText: string) {
    if (!form.value) return null;
    const result = validateRegistration(form.value, draft.value, locale, chooseCategoryText);
    fieldErrors.value = result.errors ?? {};
    errorsAreLocal.value = result.errors !== null;
    return result.request;
  }

  /**
   * Sends the registration. `altcha` waits for the form's proof of work (solved in
   * the browser while the person types): it is asked only once the form is valid.
   */
  async function submit(
    locale: Locale,
    chooseCategoryText: string,
    altcha: () => Promise<string | null> = async () => null,
  ): Promise<RegistrationReceiptDto | null> {
    submitError.value = null;
    const request = validate(locale, chooseCategoryText);
    if (!request) return null;
    submitting.value = true;
    try {
      const solved = await altcha();
      receipt.value = await portalApi().portalRegistration.register.mutate({
        ...request,
        ...(solved ? { altcha: solved } : {}),
      });
      // A shared phone or a colleague registering next must not find this person's details.
      draft.value = emptyDraft();
      return receipt.value;
    } catch (err) {
      const info = apiErrorInfo(err);
      submitError.value = info;
      fieldErrors.value = localizedFieldErrors(info, locale);
      errorsAreLocal.value = false;
      return null;
    } finally {
      submitting.value = false;
    }
  }

  /** After a language switch: word the browser's messages again in the new language. */
  function revalidate(locale: Locale, chooseCategoryText: string) {
    if (errorsAreLocal.value && Object.keys(fieldErrors.value).length > 0)
      validate(locale, chooseCategoryText);
  }

  /** Starts over for another person (the receipt is kept for the done page until then). */
  function reset() {
    draft.value = emptyDraft();
    fieldErrors.value = {};
    submitError.value = null;
    receipt.value = null;
  }

  return {
    form,
    formState,
    draft,
    fieldErrors,
    submitError,
    submitting,
    codeChecking,
    receipt,
    loadForm,
    applyCode,
    submit,
    revalidate,
    reset,
    prerendered: prerendered.keys,
    markPrerendered: prerendered.mark,
  };
});
