import { createApp, createSSRApp } from 'vue';
import { createPinia } from 'pinia';
import { createApiClient } from '@plenary/ui';
import '@plenary/ui/tokens.css';
import './styles/base.css';
import App from './App.vue';
import { setPortalApi } from './api';
import { createPortalI18n } from './i18n';
import type { AnswerUpload } from './lib/file-upload';
import { linkHeaders } from './lib/link-token';
import { personHeaders } from './lib/person-session';
import { rememberLocaleCookie } from './lib/use-locale';
import { parseWithoutEval } from './lib/zod-without-eval';
import { createPortalRouter } from './router';
import { readServerState } from './ssr/state';

parseWithoutEval();

const client = createApiClient('/trpc', { headers: () => ({ ...linkHeaders(), ...personHeaders() }) });
setPortalApi({
  portal: client.portal,
  portalRegistration: client.portalRegistration,
  myRegistration: client.myRegistration,
  delegations: client.delegations,
  documents: client.documents,
  visa: client.visa,
  accounts: client.accounts,
  me: client.me,
  // papers (issue 11)
  cfp: client.cfp,
  mySubmissions: client.mySubmissions,
  myDecisions: client.myDecisions,
  // agreements (issue 13)
  portalAgreements: client.portalAgreements,
  portalSigning: client.portalSigning,
  // B2B fair (issue 14)
  myB2b: client.myB2b,
  // Loaded with the first upload, not with the page: the module it imports its paths from
  // also declares the files contract's zod schemas, and those calls cannot be shaken
  // out, so a static import put zod (~30 KB gzipped) in every page's first script.
  files: { uploadAnswer: async (input: AnswerUpload) => (await import('./lib/file-upload')).uploadAnswerFile(input) },
});

// A page the server rendered is hydrated in the language and with the data it was
// rendered from; the personal-link pages arrive as an empty shell and mount afresh.
const server = readServerState();
const pinia = createPinia();
if (server) pinia.state.value = server.pinia;
const i18n = createPortalI18n(server?.locale);
rememberLocaleCookie(i18n.global.locale.value === 'en' ? 'en' : 'ko');
const router = createPortalRouter();
const app = (server ? createSSRApp(App) : createApp(App)).use(pinia).use(i18n).use(router);
void router.isReady().then(() => app.mount('#app'));
