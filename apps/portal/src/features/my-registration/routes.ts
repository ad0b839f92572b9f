import type { RouteRecordRaw } from 'vue-router';
import { rememberLinkToken } from '../../lib/link-token';

/**
 * The emailed personal link, /r/<token>. The token moves to sessionStorage and the
 * address becomes /r at once (a redirect replaces the history entry), so the secret
 * is not left in the history, a bookmark or a screenshot of the address bar.
 */
export const myRegistrationRoutes: RouteRecordRaw[] = [
  {
    path: '/r/:token',
    name: 'my-registration-link',
    redirect: (to) => {
      rememberLinkToken('participant', String(to.params.token));
      return { name: 'my-registration', query: {}, hash: '' };
    },
  },
  { path: '/r', name: 'my-registration', component: () => import('./MyRegistrationView.vue') },
];
