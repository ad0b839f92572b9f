import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Me } from '@plenary/contracts/schemas';
import { setApi } from '../../api';
import { apiError, fakeApi } from '../../testing/fake-api';
import { useAuthStore } from './use-auth-store';

const user = {
  id: '0190f5d2-7c1e-7000-8000-000000000001',
  email: 'chair@example.org',
  displayName: 'Kim Chair',
  isPlatformAdmin: false,
  locale: 'ko' as const,
  totpEnabled: true,
};
const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const anonymous: Me = { user: null, secondFactorPending: false, csrfToken: null, memberships: [] };
const pending: Me = { user, secondFactorPending: true, csrfToken: 'csrf-pending', memberships: [] };
const signedIn: Me = {
  user,
  secondFactorPending: false,
  csrfToken: 'csrf-full',
  memberships: [
    {
      eventId,
      slug: 'gcf-2015',
      title: { ko: '녹색기후기금', en: 'GCF' },
      role: 'admin',
      requireTwoFactor: true,
    },
  ],
};

describe('auth store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('goes from password to second factor to signed in', async () => {
    const answers = [anonymous, pending, signedIn];
    const fake = fakeApi({
      'auth.me': () => answers.shift()!,
      'auth.login': () => ({ secondFactorRequired: true }),
      'auth.verifySecondFactor': () => ({ ok: true }),
    });
    setApi(fake.client);
    const auth = useAuthStore();

    await auth.ensureLoaded();
    expect(auth.status).toBe('anonymous');

    await expect(auth.login('chair@example.org', 'correct horse battery')).resolves.toBe('secondFactor');
    expect(auth.status).toBe('secondFactor');
    expect(auth.me.csrfToken).toBe('csrf-pending');

    await auth.verifySecondFactor('123456');
    expect(auth.status).toBe('signedIn');
    expect(auth.user?.displayName).toBe('Kim Chair');
    expect(auth.me.csrfToken).toBe('csrf-full');
    expect(auth.roleIn(eventId)).toBe('admin');
    expect(auth.canManage(eventId)).toBe(true);
    expect(auth.needsTwoFactorFor(eventId)).toBe(false);

    expect(fake.calls).toEqual([
      { path: 'auth.me', input: undefined },
      { path: 'auth.login', input: { email: 'chair@example.org', password: 'correct horse battery' } },
      { path: 'auth.me', input: undefined },
      { path: 'auth.verifySecondFactor', input: { code: '123456' } },
      { path: 'auth.me', input: undefined },
    ]);
  });

  it('leaves the state alone when the password is refused', async () => {
    setApi(
      fakeApi({
        'auth.me': () => anonymous,
        'auth.login': () => {
          throw apiError('INVALID_CREDENTIALS', 'Wrong email or password');
        },
      }).client,
    );
    const auth = useAuthStore();
    await auth.ensureLoaded();
    await expect(auth.login('chair@example.org', 'wrong')).rejects.toThrow('Wrong email or password');
    expect(auth.status).toBe('anonymous');
  });

  it('marks the server unreachable when auth.me fails, and stays signed out', async () => {
    setApi(
      fakeApi({
        'auth.me': () => {
          throw new TypeError('fetch failed');
        },
      }).client,
    );
    const auth = useAuthStore();
    await auth.ensureLoaded();
    expect(auth.unreachable).toBe(true);
    expect(auth.status).toBe('anonymous');
    expect(auth.loaded).toBe(true);
  });

  it('signs out even when the server call fails, then reads the new state', async () => {
    const answers = [signedIn, anonymous];
    setApi(
      fakeApi({
        'auth.me': () => answers.shift()!,
        'auth.logout': () => {
          throw apiError('UNAUTHENTICATED', 'Sign in first');
        },
      }).client,
    );
    const auth = useAuthStore();
    await auth.ensureLoaded();
    expect(auth.status).toBe('signedIn');
    await expect(auth.logout()).rejects.toThrow('Sign in first');
    expect(auth.status).toBe('anonymous');
    expect(auth.memberships).toEqual([]);
  });

  it('asks a member without 2FA to set it up when the event requires it', async () => {
    const noTotp: Me = { ...signedIn, user: { ...user, totpEnabled: false } };
    setApi(fakeApi({ 'auth.me': () => noTotp }).client);
    const auth = useAuthStore();
    await auth.ensureLoaded();
    expect(auth.needsTwoFactorFor(eventId)).toBe(true);
  });

  it('keeps what the server says a reviewer may use, asks once per event, and forgets it on sign-out', async () => {
    const reviewer: Me = {
      ...signedIn,
      memberships: [{ ...signedIn.memberships[0]!, role: 'reviewer' }],
    };
    const answers = [reviewer, anonymous];
    const fake = fakeApi({
      'auth.me': () => answers.shift()!,
      'auth.permissions': ({ eventId: id }) => ({
        role: 'reviewer',
        isPlatformAdmin: false,
        areas: ['events', 'registrationSetup'],
        procedures: ['events.get', `registrationSetup.settings`].map((p) => (id === eventId ? p : 'none')),
      }),
      'auth.logout': () => ({ ok: true as const }),
    });
    setApi(fake.client);
    const auth = useAuthStore();
    await auth.ensureLoaded();
    expect(auth.may(eventId, 'registrations.list')).toBe(null);

    await auth.loadPermissions(eventId);
    await auth.loadPermissions(eventId);
    expect(fake.calls.filter((c) => c.path === 'auth.permissions')).toEqual([
      { path: 'auth.permissions', input: { eventId } },
    ]);
    expect(auth.may(eventId, 'registrations.list')).toBe(false);
    expect(auth.may(eventId, 'events.get')).toBe(true);

    await auth.logout();
    expect(auth.permissions).toEqual({});
    expect(auth.may(eventId, 'events.get')).toBe(null);
  });

  it('hides nothing when the server cannot say (not on the team, offline)', async () => {
    setApi(
      fakeApi({
        'auth.me': () => signedIn,
        'auth.permissions': () => {
          throw apiError('FORBIDDEN', 'You are not on this event’s team');
        },
      }).client,
    );
    const auth = useAuthStore();
    await auth.ensureLoaded();
    await auth.loadPermissions(eventId);
    expect(auth.may(eventId, 'registrations.list')).toBe(null);
  });
});
