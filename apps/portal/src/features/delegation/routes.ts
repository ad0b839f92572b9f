import type { RouteRecordRaw } from 'vue-router';
import { rememberLinkToken } from '../../lib/link-token';

/** The delegation contact's emailed link, /d/<token>: handled as the participant's /r/<token> (see there). */
export const delegationRoutes: RouteRecordRaw[] = [
  {
    path: '/d/:token',
    name: 'delegation-link',
    redirect: (to) => {
      rememberLinkToken('delegation', String(to.params.token));
      return { name: 'delegation', query: {}, hash: '' };
    },
  },
  { path: '/d', name: 'delegation', component: () => import('./DelegationView.vue') },
];
