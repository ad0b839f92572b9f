import type { Feature } from '../../router/feature';

export const jobsFeature: Feature = {
  console: [
    {
      path: 'jobs',
      name: 'jobs',
      component: () => import('./ScheduledJobsView.vue'),
      meta: { platformAdmin: true, titleKey: 'jobs.title' },
    },
  ],
  nav: [
    {
      section: 'platform',
      routeName: 'jobs',
      labelKey: 'nav.jobs',
      icon: 'pi pi-clock',
      audience: 'platformAdmin',
    },
  ],
};
