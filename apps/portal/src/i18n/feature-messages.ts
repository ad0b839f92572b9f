import { useI18n } from 'vue-i18n';
import { plainMessages } from './plain-messages';
import { registrationEn } from './registration.en';
import { registrationKo } from './registration.ko';
import { accountEn } from './account.en';
import { accountKo } from './account.ko';
// papers (issue 11)
import { papersEn, papersKo } from '../features/papers/messages';

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

// papers (issue 11)
/** The call for papers pages' messages (namespace `papers`), loaded with those pages and the event page's call. */
export function usePaperMessages(): void {
  const i18n = useI18n({ useScope: 'global' });
  i18n.mergeLocaleMessage('ko', plainMessages({ papers: papersKo }));
  i18n.mergeLocaleMessage('en', plainMessages({ papers: papersEn }));
}
