import type { Feature } from '../../router/feature';

export const deskFeature: Feature = {
  event: [
    {
      path: 'check-in',
      name: 'event-check-in',
      component: () => import('./DeskView.vue'),
      meta: { titleKey: 'desk.title' },
    },
    {
      path: 'badges',
      name: 'event-badges',
      component: () => import('./BadgesView.vue'),
      meta: { titleKey: 'desk.badges.title' },
    },
    {
      path: 'visa-letters',
      name: 'event-visa-letters',
      component: () => import('./VisaRequestsView.vue'),
      meta: { titleKey: 'desk.visa.title' },
    },
  ],
  nav: [
    {
      section: 'registration',
      routeName: 'event-check-in',
      labelKey: 'desk.nav',
      icon: 'pi pi-qrcode',
      audience: 'eventTeam',
      needs: 'checkIn.summary',
    },
    {
      section: 'registration',
      routeName: 'event-badges',
      labelKey: 'desk.navBadges',
      icon: 'pi pi-id-card',
      audience: 'eventTeam',
      needs: 'documents.badges',
    },
    {
      section: 'registration',
      routeName: 'event-visa-letters',
      labelKey: 'desk.navVisa',
      icon: 'pi pi-globe',
      audience: 'eventTeam',
      needs: 'visa.list',
    },
  ],
};
