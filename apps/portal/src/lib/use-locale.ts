import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { rememberLocale, type Locale } from '@plenary/ui';

/** The cookie the server reads to render pages in the language the visitor chose. */
export const LOCALE_COOKIE = 'plenary-locale';

export function rememberLocaleCookie(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/** The portal's language as a Locale, and the one way to change it (remembered, sets <html lang>). */
export function useLocale() {
  const { locale, fallbackLocale } = useI18n({ useScope: 'global' });
  const current = computed<Locale>(() => (locale.value === 'ko' ? 'ko' : 'en'));
  function setLocale(next: Locale) {
    locale.value = next;
    fallbackLocale.value = next === 'ko' ? 'en' : 'ko';
    rememberLocale(next);
    rememberLocaleCookie(next);
  }
  return { locale: current, setLocale };
}
