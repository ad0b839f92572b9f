import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type { totpEnrolmentOutput, updateProfileInput } from '@plenary/contracts/schemas';
import { api } from '../../api';
import { useAuthStore } from '../auth/use-auth-store';

export type TotpEnrolment = z.infer<typeof totpEnrolmentOutput>;
export type UpdateProfileInput = z.input<typeof updateProfileInput>;

/** The signed-in user's own profile, password and two-factor sign-in. */
export const useProfileStore = defineStore('profile', () => {
  /** A started, not yet confirmed TOTP enrolment. */
  const enrolment = ref<TotpEnrolment | null>(null);
  /** Recovery codes just issued: shown once, then forgotten. */
  const recoveryCodes = ref<string[] | null>(null);

  async function updateProfile(input: UpdateProfileInput): Promise<void> {
    await api().auth.updateProfile.mutate(input);
    await useAuthStore().refresh();
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await api().auth.changePassword.mutate({ currentPassword, newPassword });
    // Other sessions may have been ended, and the CSRF token with them.
    await useAuthStore().refresh();
  }

  async function startTotp(): Promise<void> {
    recoveryCodes.value = null;
    enrolment.value = await api().auth.startTotpEnrolment.mutate();
  }

  async function confirmTotp(code: string): Promise<void> {
    const result = await api().auth.confirmTotpEnrolment.mutate({ code });
    enrolment.value = null;
    recoveryCodes.value = result.recoveryCodes;
    await useAuthStore().refresh();
  }

  function cancelTotp() {
    enrolment.value = null;
  }

  async function regenerateCodes(): Promise<void> {
    const result = await api().auth.regenerateRecoveryCodes.mutate();
    recoveryCodes.value = result.recoveryCodes;
  }

  async function disableTotp(password: string): Promise<void> {
    await api().auth.disableTotp.mutate({ password });
    recoveryCodes.value = null;
    await useAuthStore().refresh();
  }

  function forgetCodes() {
    recoveryCodes.value = null;
  }

  return {
    enrolment,
    recoveryCodes,
    updateProfile,
    changePassword,
    startTotp,
    confirmTotp,
    cancelTotp,
    regenerateCodes,
    disableTotp,
    forgetCodes,
  };
});
