import type { Feature } from '../../router/feature';

export const authFeature: Feature = {
  public: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./LoginView.vue'),
      meta: { public: true, guestOnly: true, light: true, titleKey: 'auth.login.title' },
    },
    {
      path: '/login/second-factor',
      name: 'second-factor',
      component: () => import('./SecondFactorView.vue'),
      meta: { secondFactorStep: true, titleKey: 'auth.secondFactor.title' },
    },
    {
      path: '/forgot-password',
      name: 'forgot-password',
      component: () => import('./ForgotPasswordView.vue'),
      meta: { public: true, guestOnly: true, titleKey: 'auth.forgot.title' },
    },
    {
      path: '/reset-password',
      name: 'reset-password',
      component: () => import('./ResetPasswordView.vue'),
      meta: { public: true, titleKey: 'auth.reset.title' },
    },
  ],
};
