import type { Feature } from '../../router/feature';

export const agreementsFeature: Feature = {
  event: [
    {
      path: 'agreements',
      name: 'event-agreements',
      component: () => import('./AgreementsView.vue'),
      meta: { titleKey: 'agreements.title' },
    },
    {
      path: 'agreements/:agreementId',
      name: 'event-agreement',
      component: () => import('./AgreementView.vue'),
      meta: { titleKey: 'agreements.title' },
    },
  ],
  nav: [
    {
      section: 'agreements',
      routeName: 'event-agreements',
      labelKey: 'agreements.nav',
      icon: 'pi pi-file-edit',
      audience: 'eventTeam',
      needs: 'agreements.list',
    },
  ],
};
