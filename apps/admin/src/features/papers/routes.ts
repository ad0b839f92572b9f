import type { Feature } from '../../router/feature';

/** The call for papers (issue 11): its set-up and the submissions, for the event's chairs. */
export const papersFeature: Feature = {
  event: [
    {
      path: 'papers/call',
      name: 'event-papers-call',
      component: () => import('./CallForPapersView.vue'),
      meta: { titleKey: 'papers.callTitle' },
    },
    {
      path: 'papers/submissions',
      name: 'event-papers-submissions',
      component: () => import('./SubmissionsView.vue'),
      meta: { titleKey: 'papers.submissionsTitle' },
    },
    {
      path: 'papers/decisions',
      name: 'event-papers-decisions',
      component: () => import('./DecisionsView.vue'),
      meta: { titleKey: 'papers.decisions.title' },
    },
  ],
  nav: [
    {
      section: 'programme',
      routeName: 'event-papers-call',
      labelKey: 'papers.callNav',
      icon: 'pi pi-megaphone',
      audience: 'eventTeam',
      needs: 'papers.setup',
    },
    {
      section: 'programme',
      routeName: 'event-papers-submissions',
      labelKey: 'papers.submissionsNav',
      icon: 'pi pi-file-pdf',
      audience: 'eventTeam',
      needs: 'papers.list',
    },
    {
      // Shown to the roles with the decisions area: the chairs and the event's managers.
      section: 'programme',
      routeName: 'event-papers-decisions',
      labelKey: 'papers.decisions.nav',
      icon: 'pi pi-check-square',
      audience: 'eventTeam',
      needs: 'decisions.list',
    },
  ],
};
