import type { RouteRecordRaw } from 'vue-router';

/** The public registry of an event's agreements (issue 13). */
export const agreementRoutes: RouteRecordRaw[] = [
  { path: '/events/:slug/agreements', name: 'agreements', component: () => import('./RegistryView.vue'), props: true },
  {
    path: '/events/:slug/agreements/:agreementId',
    name: 'agreement',
    component: () => import('./AgreementPageView.vue'),
    props: true,
  },
];
