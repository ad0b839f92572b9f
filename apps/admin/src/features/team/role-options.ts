import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { eventRoles, type EventRole } from '@plenary/contracts/schemas';

/** The event roles with their names in the current language, for selects. */
export function useRoleOptions() {
  const { t } = useI18n();
  return computed(() => eventRoles.map((value: EventRole) => ({ value, label: t(`roles.${value}`) })));
}
