import type { Feature } from '../../router/feature';

export const profileFeature: Feature = {
  console: [
    {
      path: 'profile',
      name: 'profile',
      component: () => import('./ProfileView.vue'),
      meta: { titleKey: 'profile.title' },
    },
  ],
};
