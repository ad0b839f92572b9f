import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { usePrimeVue } from 'primevue/config';
import { setValidationLocale } from '@plenary/contracts/schemas';
import { rememberLocale, type Locale } from '@plenary/ui';
import { primeVueLocale } from '../i18n/primevue-locale';

export const localeOptions: readonly { value: Locale; label: string }[] = [
  // Each language is named in itself, so a reader of either finds theirs.
  { value: 'ko', label: '한국어' },
  { value: 'en', label: 'English' },
];

/**
 * The interface language: switching it also switches PrimeVue's strings and the
 * contract schemas' validation messages, and is remembered.
 */
export function useAppLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  const primevue = usePrimeVue();
  const current = computed<Locale>(() => (locale.value === 'en' ? 'en' : 'ko'));
  function setLocale(next: Locale) {
    locale.value = next;
    primevue.config.locale = primeVueLocale(next);
    setValidationLocale(next);
    rememberLocale(next);
  }
  return { locale: current, setLocale };
}
