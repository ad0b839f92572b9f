import { computed, getCurrentInstance } from 'vue';
import { useI18n } from 'vue-i18n';
import { rememberLocale, type Locale } from '@plenary/ui';

export const localeOptions: readonly { value: Locale; label: string }[] = [
  // Each language is named in itself, so a reader of either finds theirs.
  { value: 'ko', label: '한국어' },
  { value: 'en', label: 'English' },
];

interface PrimeVueGlobal {
  config: { locale?: unknown };
}

/**
 * The interface language: switching it also switches PrimeVue's strings and the
 * contract schemas' validation messages, and is remembered. PrimeVue and the schemas
 * are reached without importing them here: the sign-in page's language switch must not
 * bring them (see lib/console-kit.ts); once loaded they take the language from there.
 */
export function useAppLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  const app = getCurrentInstance()?.appContext;
  const current = computed<Locale>(() => (locale.value === 'en' ? 'en' : 'ko'));
  function setLocale(next: Locale) {
    locale.value = next;
    rememberLocale(next);
    const primevue = app?.config.globalProperties.$primevue as PrimeVueGlobal | undefined;
    if (!primevue) return;
    // PrimeVue is installed, so the schemas are loaded too: these resolve at once.
    void Promise.all([import('../i18n/primevue-locale'), import('@plenary/contracts/schemas')]).then(
      ([{ primeVueLocale }, { setValidationLocale }]) => {
        primevue.config.locale = primeVueLocale(next);
        setValidationLocale(next);
      },
    );
  }
  return { locale: current, setLocale };
}
