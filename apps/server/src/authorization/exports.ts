import type { Expected } from './expected';

/** Who may call each procedure of this domain (written by hand, role by role, and
 * enforced by authorization.test.ts: no role constant from the contracts here). */
export const exportAccess: Record<string, Expected> = {
  'exports.registrations': ['owner', 'admin', 'staff'],
};
