import type { Feature } from '../../router/feature';

export const domainEventsFeature: Feature = {
  console: [
    {
      path: 'domain-events',
      name: 'domain-events',
      component: () => import('./DomainEventsView.vue'),
      meta: { platformAdmin: true, titleKey: 'domainEvents.title' },
    },
  ],
  nav: [
    {
      section: 'platform',
      routeName: 'domain-events',
      labelKey: 'domainEvents.nav',
      icon: 'pi pi-bolt',
      audience: 'platformAdmin',
    },
  ],
};
