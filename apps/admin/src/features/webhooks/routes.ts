import type { Feature } from '../../router/feature';

export const webhooksFeature: Feature = {
  event: [
    {
      path: 'webhooks',
      name: 'event-webhooks',
      component: () => import('./WebhooksView.vue'),
      meta: { eventManage: true, titleKey: 'webhooks.title' },
    },
  ],
  nav: [
    {
      section: 'registration',
      routeName: 'event-webhooks',
      labelKey: 'webhooks.nav',
      icon: 'pi pi-send',
      audience: 'eventManage',
    },
  ],
};
