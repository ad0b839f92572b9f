import type { Feature } from '../../router/feature';

export const usersFeature: Feature = {
  console: [
    {
      path: 'users',
      name: 'users',
      component: () => import('./UsersView.vue'),
      meta: { platformAdmin: true, titleKey: 'users.title' },
    },
  ],
  nav: [
    {
      section: 'platform',
      routeName: 'users',
      labelKey: 'nav.users',
      icon: 'pi pi-id-card',
      audience: 'platformAdmin',
    },
  ],
};
