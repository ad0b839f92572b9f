import type { Feature } from '../../router/feature';

export const mailFeature: Feature = {
  console: [
    {
      path: 'mail',
      name: 'mail',
      component: () => import('./MailOutboxView.vue'),
      meta: { platformAdmin: true, titleKey: 'mail.title' },
    },
  ],
  nav: [
    {
      section: 'platform',
      routeName: 'mail',
      labelKey: 'nav.mail',
      icon: 'pi pi-envelope',
      audience: 'platformAdmin',
    },
  ],
};
