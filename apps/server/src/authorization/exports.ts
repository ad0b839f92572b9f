import { DESK } from './roles';

/** Who may call each procedure of this domain (reviewed by hand; see authorization.test.ts). */
export const exportAccess: Record<string, string> = {
  'exports.registrations': DESK,
};
