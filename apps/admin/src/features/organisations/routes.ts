import type { Feature } from '../../router/feature';

export const organisationsFeature: Feature = {
  console: [
    {
      path: 'organisations',
      name: 'organisations',
      component: () => import('./OrganisationsView.vue'),
      meta: { platformAdmin: true, titleKey: 'organisations.title' },
    },
  ],
  nav: [
    {
      section: 'platform',
      routeName: 'organisations',
      labelKey: 'organisations.nav',
      icon: 'pi pi-sitemap',
      audience: 'platformAdmin',
    },
  ],
};
