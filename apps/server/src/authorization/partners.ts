/** Who may call each procedure of this domain (reviewed by hand; see authorization.test.ts). */
export const partnerAccess: Record<string, string> = {};
