import { ref, type App } from 'vue';
import type { Locale } from '@plenary/ui';

/**
 * What the console's forms are built with: PrimeVue (its components' base, the Aura
 * theme, toasts and confirmations), PrimeIcons and the contract schemas (zod). Together
 * ~190 KB gzipped, and the sign-in page needs none of it: it loads with the first page
 * that has a PrimeVue form (main.ts asks for it before every route not marked `light`),
 * usually while the sign-in is being answered.
 */
export const consoleKitReady = ref(false);
let loading: Promise<void> | null = null;

export function loadConsoleKit(app: App, locale: () => Locale): Promise<void> {
  loading ??= (async () => {
    const [{ default: PrimeVue }, { default: ToastService }, { default: ConfirmationService }, { PlenaryPreset }, { primeVueLocale }, schemas] =
      await Promise.all([
        import('primevue/config'),
        import('primevue/toastservice'),
        import('primevue/confirmationservice'),
        import('./theme'),
        import('../i18n/primevue-locale'),
        import('@plenary/contracts/schemas'),
        import('primeicons/primeicons.css'),
      ]);
    // The schemas' messages and PrimeVue's own strings follow the interface language.
    schemas.setValidationLocale(locale());
    app.use(PrimeVue, {
      theme: { preset: PlenaryPreset, options: { darkModeSelector: 'none', cssLayer: true } },
      locale: primeVueLocale(locale()),
    });
    app.use(ToastService);
    app.use(ConfirmationService);
    consoleKitReady.value = true;
  })();
  return loading;
}
