import { setValidationLocale } from '@plenary/contracts/schemas';
import { createPlenaryI18n, initialLocale, type Locale } from '@plenary/ui';
import { en } from './en';
import { ko } from './ko';

/**
 * The console's i18n, in the given language or the remembered / device one.
 * The contract schemas' messages follow the same language, so a form's field
 * errors read like the rest of the page.
 */
export function createAdminI18n(locale: Locale = initialLocale()) {
  setValidationLocale(locale);
  return createPlenaryI18n({ ko, en }, locale);
}
