import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { eventRoutes } from './features/events/routes';

export function createPortalRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes: [
      ...eventRoutes,
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFoundView.vue') },
    ],
    scrollBehavior(_to, _from, saved) {
      return saved ?? { top: 0 };
    },
  });
}
