import type { RouteRecordRaw } from 'vue-router';
import EventListView from './EventListView.vue';

export const eventRoutes: RouteRecordRaw[] = [
  // The list is the landing page, so it ships in the entry chunk; the event page loads on demand.
  { path: '/', name: 'events', component: EventListView },
  { path: '/events/:slug', name: 'event', component: () => import('./EventHomeView.vue'), props: true },
];
