import { useI18n } from 'vue-i18n';
import { plainMessages } from './plain-messages';
import { registrationEn } from './registration.en';
import { registrationKo } from './registration.ko';
import { accountEn } from './account.en';
import { accountKo } from './account.ko';

/**
 * Adds the registration pages' messages (namespace `reg`) to the portal's i18n. They
 * load with those pages, not with the event list, to keep the first load small.
 * Merging again is harmless, so every page that needs them calls this in setup.
 */
export function useRegistrationMessages(): void {
  const i18n = useI18n({ useScope: 'global' });
  i18n.mergeLocaleMessage('ko', plainMessages({ reg: registrationKo }));
  i18n.mergeLocaleMessage('en', plainMessages({ reg: registrationEn }));
}

/** The participant account pages' messages (namespace `account`), loaded with those pages. */
export function useAccountMessages(): void {
  const i18n = useI18n({ useScope: 'global' });
  i18n.mergeLocaleMessage('ko', plainMessages({ account: accountKo }));
  i18n.mergeLocaleMessage('en', plainMessages({ account: accountEn }));
}
