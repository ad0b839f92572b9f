import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { createApiClient } from '@plenary/ui';
import '@plenary/ui/tokens.css';
import './styles/base.css';
import App from './App.vue';
import { setPortalApi } from './api';
import { createPortalI18n } from './i18n';
import { linkHeaders } from './lib/link-token';
import { createPortalRouter } from './router';

setPortalApi(createApiClient('/trpc', { headers: linkHeaders }));

createApp(App).use(createPinia()).use(createPortalI18n()).use(createPortalRouter()).mount('#app');
