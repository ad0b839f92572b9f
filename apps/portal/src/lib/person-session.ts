/**
 * The signed-in participant's CSRF token (the session itself is an httpOnly cookie
 * the page never sees). It arrives with accounts.session or a sign-in, and every
 * request carries it in x-plenary-person-csrf, which a cross-site form cannot set.
 */
let csrfToken: string | null = null;

export function setPersonCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The header provider for createApiClient. */
export function personHeaders(): Record<string, string> {
  return csrfToken ? { 'x-plenary-person-csrf': csrfToken } : {};
}
