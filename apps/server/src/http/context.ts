import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import { type Context, type RequestInfo, type Services } from '@plenary/contracts';
import type { Runtime } from '../core/runtime';
import { resolveSession, SESSION_COOKIE } from '../modules/identity/sessions';
import { PERSON_COOKIE, PERSON_CSRF_HEADER, resolvePersonSession } from '../modules/accounts/person-sessions';

export const CSRF_HEADER = 'x-plenary-csrf';
/** A participant's or delegation contact's emailed-link secret; a header keeps it out of URLs and logs. */
export const LINK_HEADER = 'x-plenary-link';

function bearerOf(req: Request): string | null {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(\S{1,200})$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export function requestInfo(req: Request): RequestInfo {
  return {
    requestId: (req.id as string | undefined) ?? randomUUID(),
    ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: req.get('user-agent') ?? null,
    secure: req.secure,
  };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Builds the tRPC context: the actor from the session cookie, and the cookie
 * writer. Cookie-authenticated mutations (POST) must carry the session's CSRF
 * token in a header that a cross-site form cannot set.
 */
export async function createContext(runtime: Runtime, services: Services, req: Request, res: Response): Promise<Context> {
  const request = requestInfo(req);
  const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
  const sessionActor = await resolveSession(runtime, token);
  // A POST carrying the staff cookie without its CSRF token is served as anonymous,
  // not refused outright: the portal shares the origin, and a staff member who opens
  // it must be able to register like anyone. The staff rules refuse it (trpc.ts), so
  // a forged cross-site request still gets nothing a signed-in user could do.
  const sentCsrf = req.get(CSRF_HEADER);
  const staffCsrfRefused =
    sessionActor !== null && req.method === 'POST' && (!sentCsrf || !sameToken(sentCsrf, sessionActor.csrfToken));
  const actor = staffCsrfRefused ? null : sessionActor;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: request.secure, path: '/' };
  // The participant's session, apart from staff's: a POST without its CSRF token is
  // not refused here (public forms must keep working), only by the "person" rule.
  const personSession = {
    set: (value: string, expiresAt: Date) =>
      res.append('Set-Cookie', serializeCookie(PERSON_COOKIE, value, { ...cookieOptions, expires: expiresAt })),
    clear: () => res.append('Set-Cookie', serializeCookie(PERSON_COOKIE, '', { ...cookieOptions, expires: new Date(0) })),
  };
  const person = await resolvePersonSession(runtime, parseCookie(req.headers.cookie ?? '')[PERSON_COOKIE], personSession);
  const sentPersonCsrf = req.get(PERSON_CSRF_HEADER);
  const personCsrfRefused =
    person !== null && req.method === 'POST' && (!sentPersonCsrf || !sameToken(sentPersonCsrf, person.csrfToken));
  return {
    services,
    actor,
    request,
    linkToken: req.get(LINK_HEADER)?.slice(0, 200) ?? null,
    apiKey: bearerOf(req),
    person,
    personCsrfRefused,
    staffCsrfRefused,
    personSession,
    session: {
      set: (value, expiresAt) => res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, value, { ...cookieOptions, expires: expiresAt })),
      clear: () => res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { ...cookieOptions, expires: new Date(0) })),
    },
  };
}
