import { useToast } from 'primevue/usetoast';
import { useI18n } from 'vue-i18n';
import { apiErrorInfo } from '@plenary/ui';
import { describeError } from './form-errors';

/** Toasts in the user's language. */
export function useNotify() {
  const toast = useToast();
  const { t } = useI18n();
  return {
    success(text: string) {
      toast.add({ severity: 'success', summary: t('common.done'), detail: text, life: 4000 });
    },
    error(err: unknown) {
      toast.add({ severity: 'error', summary: t('common.failed'), detail: describeError(t, apiErrorInfo(err)), life: 8000 });
    },
  };
}
