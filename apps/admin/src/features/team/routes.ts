import type { Feature } from '../../router/feature';

export const teamFeature: Feature = {
  public: [
    {
      path: '/invitation',
      name: 'invitation',
      component: () => import('./InvitationView.vue'),
      meta: { public: true, titleKey: 'invitation.title' },
    },
  ],
  event: [
    {
      path: 'team',
      name: 'event-team',
      component: () => import('./TeamView.vue'),
      meta: { titleKey: 'team.title' },
    },
  ],
  nav: [
    {
      section: 'event',
      routeName: 'event-team',
      labelKey: 'nav.team',
      icon: 'pi pi-users',
      audience: 'eventTeam',
    },
  ],
};
