import type { Expected } from './expected';

/** Who may call each procedure of this domain (written by hand, role by role, and
 * enforced by authorization.test.ts: no role constant from the contracts here). */
export const partnerAccess: Record<string, Expected> = {
  'organisations.list': 'platformAdmin',
  'organisations.get': 'platformAdmin',
  'organisations.create': 'platformAdmin',
  'organisations.update': 'platformAdmin',
  'organisations.merge': 'platformAdmin',
  'partners.list': 'platformAdmin',
  'partners.create': 'platformAdmin',
  'partners.update': 'platformAdmin',
  'partners.setEvents': 'platformAdmin',
  'partners.createForEvent': ['owner', 'admin'],
  'partners.keys': ['owner', 'admin'],
  'partners.createKey': ['owner', 'admin'],
  'partners.revokeKey': ['owner', 'admin'],
  'api.events': 'partner:events:read',
  'api.event': 'partner:events:read',
  'api.categories': 'partner:events:read',
  'api.register': 'partner:registrations:write',
  'api.registrations': 'partner:registrations:read',
  'api.registration': 'partner:registrations:read',
  'api.cancelRegistration': 'partner:registrations:write',
};
