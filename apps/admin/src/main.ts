import { createApp } from 'vue';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import 'primeicons/primeicons.css';
import '@plenary/ui/tokens.css';
import './styles/base.css';
import './styles/console.css';
import './styles/phone.css';
import App from './App.vue';
import { createAdminI18n } from './i18n';
import { primeVueLocale } from './i18n/primevue-locale';
import { PlenaryPreset } from './lib/theme';
import { createAdminRouter } from './router';

const app = createApp(App);
const i18n = createAdminI18n();

app.use(createPinia());
app.use(i18n);
app.use(PrimeVue, {
  theme: { preset: PlenaryPreset, options: { darkModeSelector: 'none', cssLayer: true } },
  locale: primeVueLocale(i18n.global.locale.value === 'en' ? 'en' : 'ko'),
});
app.use(ToastService);
app.use(ConfirmationService);
app.use(createAdminRouter());
app.mount('#app');
