import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import type { AuthStatus } from '../features/auth/use-auth-store';

export interface GuardState {
  status: AuthStatus;
  isPlatformAdmin: boolean;
  canManage(eventId: string): boolean;
}

/** An in-app path to go back to, or '/' (never another origin: `//evil.example` is refused). */
export function safeRedirect(value: unknown): string {
  const path: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\'))
    return '/';
  return path;
}

/** Where a navigation may go: true, or where to send the user instead. */
export function decide(to: RouteLocationNormalized, auth: GuardState): true | RouteLocationRaw {
  const back = { redirect: to.fullPath };
  if (to.meta.secondFactorStep) {
    if (auth.status === 'secondFactor') return true;
    if (auth.status === 'signedIn') return safeRedirect(to.query.redirect);
    return { name: 'login', query: to.query };
  }
  if (to.meta.public) {
    if (!to.meta.guestOnly || auth.status === 'anonymous') return true;
    if (auth.status === 'secondFactor') return { name: 'second-factor', query: to.query };
    return safeRedirect(to.query.redirect);
  }
  if (auth.status === 'anonymous') return { name: 'login', query: to.fullPath === '/' ? {} : back };
  if (auth.status === 'secondFactor') return { name: 'second-factor', query: back };
  if (to.meta.platformAdmin && !auth.isPlatformAdmin) return { name: 'home' };
  const eventId = typeof to.params.eventId === 'string' ? to.params.eventId : null;
  if (to.meta.eventManage && eventId && !auth.canManage(eventId))
    return { name: 'event-overview', params: { eventId } };
  return true;
}
