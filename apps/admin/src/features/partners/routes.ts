import type { Feature } from '../../router/feature';

export const partnersFeature: Feature = {
  console: [
    {
      path: 'partners',
      name: 'partners',
      component: () => import('./PartnersView.vue'),
      meta: { platformAdmin: true, titleKey: 'partners.platform.title' },
    },
  ],
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
    {
      section: 'platform',
      routeName: 'partners',
      labelKey: 'partners.platform.nav',
      icon: 'pi pi-building',
      audience: 'platformAdmin',
    },
  ],
};
