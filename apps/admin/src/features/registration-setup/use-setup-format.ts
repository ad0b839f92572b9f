import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { formatDateTime, pickLocale, type Locale, type LocalizedText } from '@plenary/ui';
import { formatFee } from './setup-forms';

/** Texts, times and fees as the setup pages show them, in the interface language. */
export function useSetupFormat(timeZone: () => string) {
  const { locale } = useI18n();
  const lang = computed<Locale>(() => (locale.value === 'en' ? 'en' : 'ko'));
  return {
    lang,
    text: (t: LocalizedText | null | undefined) => pickLocale(t, lang.value),
    when: (iso: string) => formatDateTime(iso, timeZone(), lang.value),
    fee: (amount: number, currency: string) => formatFee(amount, currency, lang.value),
  };
}
