/**
 * The secret of an emailed personal link (/r/<token> for a participant, /d/<token> for
 * a delegation's contact). It is kept in sessionStorage, so it survives a reload but
 * not the tab, and the address bar is replaced so the secret is not left in history.
 * The API client sends it as x-plenary-link while the page of its kind is open.
 */
export type LinkKind = 'participant' | 'delegation';

const tokenKey = (kind: LinkKind) => `plenary.link.${kind}`;
const unverifiedKey = 'plenary.link.participant.unverified';

let activeKind: LinkKind | null = null;
/** Used when sessionStorage is blocked (private modes): the link still works until the tab reloads. */
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
}

/** Keeps a token taken from the address bar. A participant's new token still has to prove the email address once. */
export function rememberLinkToken(kind: LinkKind, token: string, options: { verified?: boolean } = {}): void {
  const trimmed = token.trim();
  if (!trimmed) return;
  write(tokenKey(kind), trimmed);
  // A link a signed-in person got from My conference needs no proof of the address.
  if (kind === 'participant') write(unverifiedKey, options.verified ? null : trimmed);
}

export function linkToken(kind: LinkKind): string | null {
  return read(tokenKey(kind));
}

/** Whether this token came from the email and its verifyEmail call is still to be made. */
export function needsEmailVerification(token: string): boolean {
  return read(unverifiedKey) === token;
}

export function markEmailVerified(): void {
  write(unverifiedKey, null);
}

/** Forgets a token the server refused (expired, replaced), so the page stops sending it. */
export function forgetLinkToken(kind: LinkKind): void {
  write(tokenKey(kind), null);
  if (kind === 'participant') write(unverifiedKey, null);
}

/** Which page's token the API client sends: set by the participant's and the contact's page. */
export function setActiveLinkKind(kind: LinkKind | null): void {
  activeKind = kind;
}

/** The header provider for createApiClient. */
export function linkHeaders(): Record<string, string> {
  const token = activeKind ? linkToken(activeKind) : null;
  return token ? { 'x-plenary-link': token } : {};
}
