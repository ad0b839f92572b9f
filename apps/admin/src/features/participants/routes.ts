import type { Feature } from '../../router/feature';

export const participantsFeature: Feature = {
  event: [
    {
      path: 'participants',
      name: 'event-participants',
      component: () => import('./ParticipantsView.vue'),
      meta: { titleKey: 'participants.title' },
    },
    {
      path: 'participants/new',
      name: 'event-participant-register',
      component: () => import('./RegisterView.vue'),
      meta: { titleKey: 'participants.register.title' },
    },
    {
      path: 'participants/:registrationId',
      name: 'event-participant',
      component: () => import('./RegistrationDetailView.vue'),
      meta: { titleKey: 'participants.title' },
    },
    {
      path: 'waiting-list',
      name: 'event-waitlist',
      component: () => import('./WaitlistView.vue'),
      meta: { titleKey: 'participants.waitlist.title' },
    },
    {
      path: 'delegations',
      name: 'event-delegations',
      component: () => import('./DelegationsView.vue'),
      meta: { titleKey: 'participants.delegations.title' },
    },
    {
      path: 'registration/dashboard',
      name: 'event-registration-dashboard',
      component: () => import('./DashboardView.vue'),
      meta: { titleKey: 'participants.dashboard.title' },
    },
  ],
  nav: [
    {
      section: 'registration',
      routeName: 'event-registration-dashboard',
      labelKey: 'participants.navDashboard',
      icon: 'pi pi-chart-bar',
      audience: 'eventTeam',
      needs: 'registrations.stats',
    },
    {
      section: 'registration',
      routeName: 'event-participants',
      labelKey: 'participants.nav',
      icon: 'pi pi-id-card',
      audience: 'eventTeam',
      needs: 'registrations.list',
    },
    {
      section: 'registration',
      routeName: 'event-waitlist',
      labelKey: 'participants.navWaitlist',
      icon: 'pi pi-sort-numeric-down',
      audience: 'eventTeam',
      needs: 'registrations.waitlist',
    },
    {
      section: 'registration',
      routeName: 'event-delegations',
      labelKey: 'participants.navDelegations',
      icon: 'pi pi-users',
      audience: 'eventTeam',
      needs: 'delegations.list',
    },
  ],
};
