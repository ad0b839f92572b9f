import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { useAuthStore } from '../features/auth/use-auth-store';
import { decide } from './guard';
import { features } from './features';

export function createAdminRouter(history: RouterHistory = createWebHistory('/admin/')): Router {
  const router = createRouter({
    history,
    routes: [
      ...features.flatMap((f) => f.public ?? []),
      {
        path: '/',
        component: () => import('../layout/ConsoleLayout.vue'),
        children: [
          ...features.flatMap((f) => f.console ?? []),
          {
            path: 'events/:eventId',
            component: () => import('../features/events/EventScopeView.vue'),
            children: features.flatMap((f) => f.event ?? []),
          },
        ],
      },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../layout/NotFoundView.vue'),
        meta: { public: true, titleKey: 'notFound.title' },
      },
    ],
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    await auth.ensureLoaded();
    return decide(to, auth);
  });

  return router;
}
