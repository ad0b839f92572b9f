import type { Feature } from '../../router/feature';

/** The chairs' side of review (issue 11 §3): conflicts and the automatic assignment. */
export const reviewFeature: Feature = {
  event: [
    {
      path: 'papers/reviews',
      name: 'event-papers-reviews',
      component: () => import('./ReviewsView.vue'),
      meta: { titleKey: 'review.title' },
    },
  ],
  nav: [
    {
      section: 'programme',
      routeName: 'event-papers-reviews',
      labelKey: 'review.nav',
      icon: 'pi pi-users',
      audience: 'eventTeam',
      needs: 'review.conflicts',
    },
  ],
};
