import type { Feature } from '../../router/feature';

export const b2bFeature: Feature = {
  event: [
    {
      path: 'b2b',
      name: 'b2b-dashboard',
      component: () => import('./B2bDashboardView.vue'),
      meta: { titleKey: 'b2b.dashboard.title' },
    },
    {
      path: 'b2b/meetings',
      name: 'b2b-meetings',
      component: () => import('./B2bMeetingsView.vue'),
      meta: { titleKey: 'b2b.meetings.title' },
    },
    {
      path: 'b2b/profiles',
      name: 'b2b-profiles',
      component: () => import('./B2bProfilesView.vue'),
      meta: { titleKey: 'b2b.profiles.title' },
    },
  ],
  nav: [
    {
      section: 'b2b',
      routeName: 'b2b-dashboard',
      labelKey: 'b2b.nav.dashboard',
      icon: 'pi pi-chart-bar',
      audience: 'eventTeam',
      needs: 'b2b.dashboard',
    },
    {
      section: 'b2b',
      routeName: 'b2b-meetings',
      labelKey: 'b2b.nav.meetings',
      icon: 'pi pi-th-large',
      audience: 'eventTeam',
      needs: 'b2b.meetings',
    },
    {
      section: 'b2b',
      routeName: 'b2b-profiles',
      labelKey: 'b2b.nav.profiles',
      icon: 'pi pi-building',
      audience: 'eventTeam',
      needs: 'b2b.profiles',
    },
  ],
};
