import type { Feature } from '../../router/feature';

export const mailFeature: Feature = {
  console: [
    {
      path: 'mail',
      name: 'mail',
      component: () => import('./MailOutboxView.vue'),
      meta: { platformAdmin: true, titleKey: 'mail.title' },
    },
    {
      path: 'mail/templates',
      name: 'mail-defaults',
      component: () => import('./MailDefaultsView.vue'),
      meta: { platformAdmin: true, titleKey: 'mailTemplates.defaultsTitle' },
    },
  ],
  event: [
    {
      path: 'mail-templates',
      name: 'event-mail-templates',
      component: () => import('./MailTemplatesView.vue'),
      meta: { eventManage: true, titleKey: 'mailTemplates.title' },
    },
  ],
  nav: [
    {
      section: 'event',
      routeName: 'event-mail-templates',
      labelKey: 'nav.mailTemplates',
      icon: 'pi pi-pencil',
      audience: 'eventManage',
    },
    {
      section: 'platform',
      routeName: 'mail',
      labelKey: 'nav.mail',
      icon: 'pi pi-envelope',
      audience: 'platformAdmin',
    },
    {
      section: 'platform',
      routeName: 'mail-defaults',
      labelKey: 'nav.mailDefaults',
      icon: 'pi pi-file-edit',
      audience: 'platformAdmin',
    },
  ],
};
