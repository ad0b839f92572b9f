import { createI18n, type I18nOptions } from 'vue-i18n';
import type { Locale } from '@plenary/contracts/localized';

const STORAGE_KEY = 'plenary.locale';

/** The remembered language, else the browser's (Korean if it prefers Korean), else English. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ko' || saved === 'en') return saved;
  } catch {
    /* storage blocked: fall through */
  }
  const nav = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  return nav.some((l) => l?.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* ignore */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function createPlenaryI18n<M extends Record<Locale, Record<string, unknown>>>(
  messages: M,
  locale = initialLocale(),
) {
  rememberLocale(locale);
  // Apps pass plain message objects; vue-i18n's own message type is narrower than `unknown` values.
  const localeMessages = messages as unknown as NonNullable<I18nOptions['messages']>;
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: locale === 'ko' ? 'en' : 'ko',
    messages: localeMessages,
  });
}
