import type { RouteRecordRaw } from 'vue-router';

/** Registering for an event; both pages load on demand (with zod and the form's messages). */
export const registrationRoutes: RouteRecordRaw[] = [
  {
    path: '/events/:slug/register',
    name: 'register',
    component: () => import('./RegisterView.vue'),
    props: true,
  },
  {
    path: '/events/:slug/registered',
    name: 'registered',
    component: () => import('./RegisteredView.vue'),
    props: true,
  },
];
