import type { Expected } from './expected';

/** Who may call each procedure of this domain (written by hand, role by role, and
 * enforced by authorization.test.ts: no role constant from the contracts here). */
export const webhookAccess: Record<string, Expected> = {
  'webhooks.list': ['owner', 'admin'],
  'webhooks.partners': ['owner', 'admin'],
  'webhooks.create': ['owner', 'admin'],
  'webhooks.remove': ['owner', 'admin'],
  'webhooks.deliveries': ['owner', 'admin'],
  'webhooks.redeliver': ['owner', 'admin'],
  'webhooks.partnerList': 'partner:webhooks:manage',
  'webhooks.partnerCreate': 'partner:webhooks:manage',
  'webhooks.partnerRemove': 'partner:webhooks:manage',
};
