import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { accountRoutes } from './features/account/routes';
import { delegationRoutes } from './features/delegation/routes';
import { eventRoutes } from './features/events/routes';
import { myConferenceRoutes } from './features/my-conference/routes';
import { myRegistrationRoutes } from './features/my-registration/routes';
import { registrationRoutes } from './features/registration/routes';
// papers (issue 11)
import { paperRoutes } from './features/papers/routes';
// agreements (issue 13)
import { agreementRoutes } from './features/agreements/routes';
import { signingRoutes } from './features/signing/routes';
import { b2bRoutes } from './features/b2b/routes';

export function createPortalRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes: [
      ...eventRoutes,
      ...registrationRoutes,
      ...myRegistrationRoutes,
      ...delegationRoutes,
      ...accountRoutes,
      ...myConferenceRoutes,
      // papers (issue 11)
      ...paperRoutes,
      // agreements (issue 13)
      ...agreementRoutes,
      ...signingRoutes,
      ...b2bRoutes,
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFoundView.vue') },
    ],
    scrollBehavior(_to, _from, saved) {
      return saved ?? { top: 0 };
    },
  });
}
