import type { Feature } from '../../router/feature';

export const registrationSetupFeature: Feature = {
  event: [
    {
      path: 'registration/setup',
      name: 'event-registration-setup',
      component: () => import('./RegistrationSetupView.vue'),
      meta: { eventManage: true, titleKey: 'registrationSetup.title' },
    },
  ],
  nav: [
    {
      section: 'registration',
      routeName: 'event-registration-setup',
      labelKey: 'registrationSetup.nav',
      icon: 'pi pi-sliders-h',
      audience: 'eventManage',
    },
  ],
};
