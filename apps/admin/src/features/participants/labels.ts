import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  countryCodes,
  countryName,
  registrationStatuses,
  visaFilter,
  type RegistrationStatus,
} from '@plenary/contracts/schemas';
import { pickLocale, type Locale, type LocalizedText } from '@plenary/ui';

/** PrimeVue Tag severity per registration status. */
export const statusSeverity: Record<RegistrationStatus, string> = {
  pending: 'warn',
  confirmed: 'success',
  waitlisted: 'info',
  offered: 'contrast',
  awaiting_payment: 'warn',
  cancelled: 'secondary',
  rejected: 'danger',
};

/** Labels in the interface language: statuses, countries, localized names, option lists for filters. */
export function useLabels() {
  const { t, locale } = useI18n();
  const lang = computed<Locale>(() => (locale.value === 'en' ? 'en' : 'ko'));
  const text = (value: LocalizedText | null | undefined) => pickLocale(value, lang.value);
  const country = (code: string) => countryName(code, lang.value);
  const statusOptions = computed(() =>
    registrationStatuses.map((s) => ({ value: s, label: t(`participants.status.${s}`) })),
  );
  const countryOptions = computed(() =>
    countryCodes
      .map((code) => ({ value: code, label: `${countryName(code, lang.value)} (${code})` }))
      .sort((a, b) => a.label.localeCompare(b.label, lang.value)),
  );
  const visaOptions = computed(() =>
    visaFilter.map((v) => ({ value: v, label: t(`participants.visa.${v}`) })),
  );
  return { lang, text, country, statusOptions, countryOptions, visaOptions };
}
