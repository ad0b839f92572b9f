import type { RouteRecordRaw } from 'vue-router';

/** The call for papers on the portal: the author's form, and a co-author's confirmation link. */
export const paperRoutes: RouteRecordRaw[] = [
  { path: '/events/:slug/submit', name: 'paper-submit', component: () => import('./SubmitView.vue') },
  { path: '/submissions/:submissionId', name: 'paper-edit', component: () => import('./SubmitView.vue') },
  { path: '/authorship/:token', name: 'authorship', component: () => import('./AuthorshipView.vue') },
];
