import type { Actor, Caller, SessionCookie } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import type { Runtime } from '../../core/runtime';
import { newToken, sha256 } from './crypto';
import { findLiveSession, insertSession, touchSession } from './identity.repo';

/** Sliding expiry is written at most this often, to keep reads read-only. */
const TOUCH_EVERY_MS = 5 * 60_000;

export const SESSION_COOKIE = 'plenary_session';

/**
 * Starts a fresh session (a new id at every sign-in, so a planted id is useless)
 * and hands its token to the cookie. Only the token's hash is stored.
 */
export async function startSession(
  runtime: Runtime,
  db: Executor,
  caller: Caller,
  userId: string,
  secondFactorDone: boolean,
  cookie: SessionCookie,
): Promise<void> {
  const token = newToken();
  const expiresAt = new Date(runtime.now().getTime() + runtime.config.sessionHours * 3_600_000);
  await insertSession(db, {
    id: sha256(token),
    userId,
    secondFactorDone,
    csrfToken: newToken(),
    ip: caller.request.ip,
    userAgent: caller.request.userAgent?.slice(0, 500) ?? null,
    expiresAt,
  });
  cookie.set(token, expiresAt);
}

/** The actor behind a session cookie's token, or null. Extends the session while it is used. */
export async function resolveSession(runtime: Runtime, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const now = runtime.now();
  const row = await findLiveSession(runtime.db, sha256(token), now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(runtime.db, row.sessionId, now, new Date(now.getTime() + runtime.config.sessionHours * 3_600_000));
  }
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    isPlatformAdmin: row.isPlatformAdmin,
    sessionId: row.sessionId,
    secondFactorDone: row.secondFactorDone,
    totpEnabled: row.totpEnabledAt !== null,
    csrfToken: row.csrfToken,
  };
}
