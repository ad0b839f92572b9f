import { describe, expect, it } from 'vitest';
import {
  createMemoryHistory,
  createRouter,
  type RouteLocationNormalized,
  type RouteRecordRaw,
} from 'vue-router';
import { decide, safeRedirect, type GuardState } from './guard';
import { features } from './features';

const stub = { template: '<div />' };
// The real route table (names, paths, meta) with empty components and no per-route guards.
const plain = (r: RouteRecordRaw): RouteRecordRaw => ({
  path: r.path,
  name: r.name,
  meta: r.meta ?? {},
  component: stub,
});
const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    ...features.flatMap((f) => f.public ?? []).map(plain),
    { path: '/', component: stub, children: features.flatMap((f) => f.console ?? []).map(plain) },
    {
      path: '/events/:eventId',
      component: stub,
      children: features.flatMap((f) => f.event ?? []).map(plain),
    },
  ],
});
const to = (path: string): RouteLocationNormalized => router.resolve(path) as RouteLocationNormalized;
const state = (
  status: GuardState['status'],
  isPlatformAdmin = false,
  manages: string[] = [],
): GuardState => ({
  status,
  isPlatformAdmin,
  canManage: (id) => isPlatformAdmin || manages.includes(id),
});

describe('route guard', () => {
  it('sends a signed-out user to the login page and keeps where they were going', () => {
    expect(decide(to('/events/e1/team'), state('anonymous'))).toEqual({
      name: 'login',
      query: { redirect: '/events/e1/team' },
    });
    expect(decide(to('/'), state('anonymous'))).toEqual({ name: 'login', query: {} });
  });

  it('holds a user between password and code at the second-factor step', () => {
    expect(decide(to('/profile'), state('secondFactor'))).toEqual({
      name: 'second-factor',
      query: { redirect: '/profile' },
    });
    expect(decide(to('/login/second-factor'), state('secondFactor'))).toBe(true);
    expect(decide(to('/login?redirect=/users'), state('secondFactor'))).toEqual({
      name: 'second-factor',
      query: { redirect: '/users' },
    });
  });

  it('lets a signed-in user past the login pages to where they were going', () => {
    expect(decide(to('/login?redirect=/events/e1/audit'), state('signedIn'))).toBe('/events/e1/audit');
    expect(decide(to('/login/second-factor'), state('signedIn'))).toBe('/');
    expect(decide(to('/invitation?token=x'), state('signedIn'))).toBe(true);
  });

  it('keeps platform pages for platform admins and the audit log for event managers', () => {
    expect(decide(to('/users'), state('signedIn'))).toEqual({ name: 'home' });
    expect(decide(to('/users'), state('signedIn', true))).toBe(true);
    expect(decide(to('/audit'), state('signedIn', false, ['e1']))).toEqual({ name: 'home' });
    expect(decide(to('/audit'), state('signedIn', true))).toBe(true);
    expect(decide(to('/events/e1/audit'), state('signedIn', false, ['e2']))).toEqual({
      name: 'event-overview',
      params: { eventId: 'e1' },
    });
    expect(decide(to('/events/e1/audit'), state('signedIn', false, ['e1']))).toBe(true);
  });

  it('refuses redirects to other sites', () => {
    expect(safeRedirect('//evil.example/x')).toBe('/');
    expect(safeRedirect('https://evil.example')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
    expect(safeRedirect(['/team'])).toBe('/team');
    expect(safeRedirect(undefined)).toBe('/');
  });
});
