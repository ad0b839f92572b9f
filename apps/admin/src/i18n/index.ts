import { createPlenaryI18n, type Locale } from '@plenary/ui';
import { en } from './en';
import { ko } from './ko';

export function createAdminI18n(locale?: Locale) {
  return createPlenaryI18n({ ko, en }, locale);
}
