import { setValidationLocale } from '@plenary/contracts/schemas';
import { initialLocale, type Locale } from '@plenary/ui';
import { createConsoleI18n } from './console-i18n';

/**
 * The console's i18n, in the given language or the remembered / device one.
 * The contract schemas' messages follow the same language, so a form's field
 * errors read like the rest of the page.
 */
export function createAdminI18n(locale: Locale = initialLocale()) {
  setValidationLocale(locale);
  return createConsoleI18n(locale);
}
