import { createPlenaryI18n, initialLocale, type Locale } from '@plenary/ui';
import { en } from './en';
import { ko } from './ko';

/**
 * The console's i18n alone, without setting the schemas' validation language: that
 * would bring zod to the sign-in page. The app starts with this one; the schemas get
 * the language when they load (lib/console-kit.ts, the sign-in form's submit).
 */
export function createConsoleI18n(locale: Locale = initialLocale()) {
  return createPlenaryI18n({ ko, en }, locale);
}
