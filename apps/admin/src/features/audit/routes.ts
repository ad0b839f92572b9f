import type { Feature } from '../../router/feature';

export const auditFeature: Feature = {
  console: [
    {
      path: 'audit',
      name: 'platform-audit',
      component: () => import('./PlatformAuditLogView.vue'),
      meta: { platformAdmin: true, titleKey: 'audit.platform.title' },
    },
  ],
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
    {
      section: 'platform',
      routeName: 'platform-audit',
      labelKey: 'nav.audit',
      icon: 'pi pi-history',
      audience: 'platformAdmin',
    },
  ],
};
