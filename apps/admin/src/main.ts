import { createApp } from 'vue';
import { createPinia } from 'pinia';
import '@plenary/ui/tokens.css';
import './styles/base.css';
import './styles/console.css';
import './styles/phone.css';
import App from './App.vue';
import { createConsoleI18n } from './i18n/console-i18n';
import { loadConsoleKit } from './lib/console-kit';
import { createAdminRouter } from './router';

const app = createApp(App);
const i18n = createConsoleI18n();
const router = createAdminRouter();
// PrimeVue and zod come with the first page built on them, not with the sign-in page.
router.beforeEach((to) =>
  to.meta.light ? undefined : loadConsoleKit(app, () => (i18n.global.locale.value === 'en' ? 'en' : 'ko')),
);

app.use(createPinia());
app.use(i18n);
app.use(router);
app.mount('#app');
