import type { RouteLocationRaw } from 'vue-router';
import type { Feature } from '../../router/feature';
import { useAuthStore } from '../auth/use-auth-store';
import { eventLanding } from './landing';
import { useEventsStore } from './use-events-store';

/**
 * Where "/" leads: the last event opened, else the first on the user's list, else the
 * events list (admins); in an event, the page for the user's role (eventLanding).
 */
function homeTarget(): RouteLocationRaw | true {
  const auth = useAuthStore();
  const ids = auth.memberships.map((m) => m.eventId);
  const last = useEventsStore().lastEventId();
  const eventId = last && (ids.includes(last) || auth.isPlatformAdmin) ? last : ids[0];
  if (eventId) return eventLanding(eventId, auth.roleIn(eventId));
  if (auth.isPlatformAdmin) return { name: 'events' };
  return true;
}

export const eventsFeature: Feature = {
  console: [
    {
      path: '',
      name: 'home',
      component: () => import('./HomeView.vue'),
      beforeEnter: homeTarget,
      meta: { titleKey: 'home.title' },
    },
    {
      path: 'events',
      name: 'events',
      component: () => import('./EventsListView.vue'),
      meta: { platformAdmin: true, titleKey: 'events.list.title' },
    },
  ],
  event: [
    {
      path: '',
      name: 'event-overview',
      component: () => import('./EventSettingsView.vue'),
      meta: { titleKey: 'nav.overview' },
    },
  ],
  nav: [
    {
      section: 'event',
      routeName: 'event-overview',
      labelKey: 'nav.overview',
      icon: 'pi pi-home',
      audience: 'eventTeam',
    },
    {
      section: 'platform',
      routeName: 'events',
      labelKey: 'nav.events',
      icon: 'pi pi-calendar',
      audience: 'platformAdmin',
    },
  ],
};
