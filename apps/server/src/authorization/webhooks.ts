import { MANAGE } from './roles';

/** Who may call each procedure of this domain (reviewed by hand; see authorization.test.ts). */
export const webhookAccess: Record<string, string> = {
  'webhooks.list': MANAGE,
  'webhooks.partners': MANAGE,
  'webhooks.create': MANAGE,
  'webhooks.remove': MANAGE,
  'webhooks.deliveries': MANAGE,
  'webhooks.redeliver': MANAGE,
  'webhooks.partnerList': 'partner:webhooks:manage',
  'webhooks.partnerCreate': 'partner:webhooks:manage',
  'webhooks.partnerRemove': 'partner:webhooks:manage',
};
