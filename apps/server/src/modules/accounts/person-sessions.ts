import type { PersonActor, RequestInfo, SessionCookie } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import type { Runtime } from '../../core/runtime';
import { newToken, sha256 } from '../identity/crypto';
import { findLivePersonSession, insertPersonSession, touchPersonSession } from './accounts.repo';

/** Separate from staff's plenary_session: signing in on the portal never touches the admin. */
export const PERSON_COOKIE = 'plenary_person';
export const PERSON_CSRF_HEADER = 'x-plenary-person-csrf';

/**
 * A participant stays signed in on their phone for a month of use: the session
 * slides while used, and the cookie is persistent (survives a browser restart).
 */
export const PERSON_SESSION_DAYS = 30;
const SESSION_MS = PERSON_SESSION_DAYS * 24 * 3_600_000;
/** Sliding expiry is written at most this often, to keep reads read-only. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** A fresh session (a new id at every sign-in, so a planted id is useless); only the token's hash is stored. */
export async function startPersonSession(
  runtime: Runtime,
  db: Executor,
  request: RequestInfo,
  personId: string,
  cookie: SessionCookie,
): Promise<{ csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(runtime.now().getTime() + SESSION_MS);
  await insertPersonSession(db, {
    id: sha256(token),
    personId,
    csrfToken,
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 500) ?? null,
    expiresAt,
  });
  cookie.set(token, expiresAt);
  return { csrfToken };
}

/** The person behind a session cookie's token, or null. Extends the session while it is used. */
export async function resolvePersonSession(
  runtime: Runtime,
  token: string | undefined,
  cookie?: SessionCookie,
): Promise<PersonActor | null> {
  if (!token || token.length > 200) return null;
  const now = runtime.now();
  const row = await findLivePersonSession(runtime.db, sha256(token), now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_MS);
    await touchPersonSession(runtime.db, row.sessionId, now, expiresAt);
    // The cookie slides with the session, or the browser would drop it first.
    cookie?.set(token, expiresAt);
  }
  return { personId: row.personId, email: row.email, sessionId: row.sessionId, csrfToken: row.csrfToken };
}
