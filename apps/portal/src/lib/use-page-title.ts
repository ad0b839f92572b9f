import { useSSRContext, watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';

/** What a page tells the server renderer about itself (entry-server.ts reads it after rendering). */
export interface PortalSsrContext {
  title?: string;
  modules?: Set<string>;
}

/** Sets document.title to "<page> · Plenary" and keeps it current when the page or language changes. */
export function usePageTitle(page: () => string | null | undefined) {
  const { t } = useI18n({ useScope: 'global' });
  const title = () => {
    const name = page();
    const suffix = t('app.titleSuffix');
    return name ? `${name} · ${suffix}` : suffix;
  };
  if (import.meta.env.SSR) {
    // No document on the server: the renderer writes the title into the page's <head>.
    const context = useSSRContext<PortalSsrContext>();
    if (context) context.title = title();
    return;
  }
  watchEffect(() => {
    document.title = title();
  });
}
