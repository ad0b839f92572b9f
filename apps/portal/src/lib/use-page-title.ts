import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';

/** Sets document.title to "<page> · Plenary" and keeps it current when the page or language changes. */
export function usePageTitle(page: () => string | null | undefined) {
  const { t } = useI18n({ useScope: 'global' });
  watchEffect(() => {
    const name = page();
    const suffix = t('app.titleSuffix');
    document.title = name ? `${name} · ${suffix}` : suffix;
  });
}
