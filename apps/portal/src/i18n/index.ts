import { createPlenaryI18n, type Locale } from '@plenary/ui';
import { en } from './en';
import { ko } from './ko';
import { plainMessages } from './plain-messages';

export { plainMessages };

export const messages = { ko, en };

/** The portal's i18n instance: the remembered language, else the browser's. */
export function createPortalI18n(locale?: Locale) {
  return createPlenaryI18n({ ko: plainMessages(messages.ko), en: plainMessages(messages.en) }, locale);
}
