import type { RouteRecordRaw } from 'vue-router';

/** My conference: one page per event for the signed-in participant. */
export const myConferenceRoutes: RouteRecordRaw[] = [
  { path: '/me/:eventId', name: 'my-conference', component: () => import('./MyConferenceView.vue') },
];
