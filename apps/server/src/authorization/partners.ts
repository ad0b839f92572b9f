import { MANAGE } from './roles';

/** Who may call each procedure of this domain (reviewed by hand; see authorization.test.ts). */
export const partnerAccess: Record<string, string> = {
  'partners.list': 'platformAdmin',
  'partners.create': 'platformAdmin',
  'partners.update': 'platformAdmin',
  'partners.setEvents': 'platformAdmin',
  'partners.createForEvent': MANAGE,
  'partners.keys': MANAGE,
  'partners.createKey': MANAGE,
  'partners.revokeKey': MANAGE,
  'api.events': 'partner:events:read',
  'api.event': 'partner:events:read',
  'api.categories': 'partner:events:read',
  'api.register': 'partner:registrations:write',
  'api.registrations': 'partner:registrations:read',
  'api.registration': 'partner:registrations:read',
  'api.cancelRegistration': 'partner:registrations:write',
};
