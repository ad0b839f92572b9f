import type { RouteRecordRaw } from 'vue-router';

/** Signing an agreement (the link in the signing mail) and the public verification page (issue 13). */
export const signingRoutes: RouteRecordRaw[] = [
  { path: '/sign/:envelopeId', name: 'sign', component: () => import('./SignView.vue'), props: true },
  { path: '/verify', name: 'verify', component: () => import('./VerifyView.vue') },
];
