import type { Feature } from '../../router/feature';

export const partnersFeature: Feature = {
  event: [
    {
      path: 'partner-api',
      name: 'event-partner-api',
      component: () => import('./PartnerApiView.vue'),
      meta: { eventManage: true, titleKey: 'partners.title' },
    },
  ],
  nav: [
    {
      section: 'registration',
      routeName: 'event-partner-api',
      labelKey: 'partners.nav',
      icon: 'pi pi-key',
      audience: 'eventManage',
    },
  ],
};
