import type { Feature } from '../../router/feature';

export const auditFeature: Feature = {
  event: [
    {
      path: 'audit',
      name: 'event-audit',
      component: () => import('./AuditLogView.vue'),
      meta: { eventManage: true, titleKey: 'audit.title' },
    },
  ],
  nav: [
    {
      section: 'event',
      routeName: 'event-audit',
      labelKey: 'nav.audit',
      icon: 'pi pi-history',
      audience: 'eventManage',
    },
  ],
};
