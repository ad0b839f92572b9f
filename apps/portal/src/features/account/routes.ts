import type { RouteRecordRaw } from 'vue-router';

/**
 * Participant sign-in and the account page. /signin/<token> is the link in the
 * sign-in mail: its view signs in at once and replaces the address, so the secret
 * does not stay in the history.
 */
export const accountRoutes: RouteRecordRaw[] = [
  { path: '/signin', name: 'sign-in', component: () => import('./SignInView.vue') },
  { path: '/signin/:token', name: 'sign-in-link', component: () => import('./SignInLinkView.vue') },
  { path: '/account', name: 'account', component: () => import('./AccountView.vue') },
];
