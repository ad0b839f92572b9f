import { useToast } from 'primevue/usetoast';
import { useI18n } from 'vue-i18n';
import { apiErrorInfo } from '@plenary/ui';
import { describeError } from './form-errors';
import { useSessionLoss } from './session';

/** Toasts in the user's language; an error from an ended session leads to sign-in instead. */
export function useNotify() {
  const toast = useToast();
  const { t } = useI18n();
  const sessionLost = useSessionLoss();
  return {
    success(text: string) {
      toast.add({ severity: 'success', summary: t('common.done'), detail: text, life: 4000 });
    },
    error(err: unknown) {
      const info = apiErrorInfo(err);
      if (sessionLost(info)) return;
      toast.add({
        severity: 'error',
        summary: t('common.failed'),
        detail: describeError(t, info),
        life: 8000,
      });
    },
  };
}
