import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, TEST_PASSWORD, type TestHarness } from '../../testing/harness';
import { newToken, sha256, verifyPassword } from './crypto';
import * as repo from './identity.repo';
import { THROTTLE } from './throttle';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({ poolSize: 20 });
});
afterAll(() => h.close());

const wrong = (i: number) => `wrong-password-${i}`;

describe('sign-in throttling under concurrency (finding 6)', () => {
  it(`verifies exactly ${THROTTLE.perAccount} of 100 simultaneous wrong passwords; the others are refused unchecked`, async () => {
    await h.signUp('raced@kicox.example');
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        errorOf(
          h
            .caller(null, { ip: `198.51.100.${i}` })
            .auth.login({ email: 'raced@kicox.example', password: wrong(i) }),
        ),
      ),
    );
    const codes = results.map((e) => e.code);
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(THROTTLE.perAccount);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(100 - THROTTLE.perAccount);
  });

  it('control: counting failures before checking and writing them after (the old way) verifies more than the limit', async () => {
    await h.signUp('control@kicox.example');
    const user = await repo.findUserByEmail(h.runtime.db, 'control@kicox.example');
    if (!user) throw new Error('no user');
    const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
    let verified = 0;
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const failures = await repo.countFailures(
          h.runtime.db,
          { kind: 'password', email: user.email },
          since,
        );
        if (failures.n >= THROTTLE.perAccount) return;
        verified++;
        const ok = await verifyPassword(user.passwordHash, wrong(i));
        await repo.recordLoginAttempt(h.runtime.db, {
          kind: 'password',
          email: user.email,
          ip: '198.51.100.1',
          succeeded: ok,
          at: new Date(),
        });
      }),
    );
    expect(verified).toBeGreaterThan(THROTTLE.perAccount);
  });

  it('gives a right password its place back: sign-ins that succeed never lock the account', async () => {
    await h.signUp('daily@kicox.example');
    for (let i = 0; i < THROTTLE.perAccount + 3; i++) await h.signIn('daily@kicox.example', TEST_PASSWORD);
    const err = await errorOf(h.caller(null).auth.login({ email: 'daily@kicox.example', password: 'nope' }));
    expect(err.code).toBe('UNAUTHORIZED');
  });
});

describe('the current-password check of changePassword and disableTotp', () => {
  it(`refuses after ${THROTTLE.perAccount} wrong current passwords, across both, even the right one`, async () => {
    const actor = await h.signUp('profile@kicox.example');
    const me = h.caller(actor);
    for (let i = 0; i < 3; i++) {
      const err = await errorOf(
        me.auth.changePassword({ currentPassword: wrong(i), newPassword: 'a new long password' }),
      );
      expect(err.code).toBe('UNAUTHORIZED');
    }
    for (let i = 0; i < 2; i++) {
      const err = await errorOf(me.auth.disableTotp({ password: wrong(i) }));
      expect(err.code).toBe('UNAUTHORIZED');
    }
    const blocked = await errorOf(
      me.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'a new long password' }),
    );
    expect([blocked.code, blocked.message]).toEqual([
      'TOO_MANY_REQUESTS',
      'Too many failed password attempts. Try again in 15 minutes.',
    ]);
    const alsoBlocked = await errorOf(me.auth.disableTotp({ password: TEST_PASSWORD }));
    expect(alsoBlocked.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('a password reset', () => {
  it('lifts the account lock that wrong guesses set', async () => {
    await h.signUp('locked@kicox.example');
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await errorOf(h.caller(null).auth.login({ email: 'locked@kicox.example', password: wrong(i) }));
    }
    const blocked = await errorOf(
      h.caller(null).auth.login({ email: 'locked@kicox.example', password: TEST_PASSWORD }),
    );
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');

    const user = await repo.findUserByEmail(h.runtime.db, 'locked@kicox.example');
    if (!user) throw new Error('no user');
    const token = newToken();
    await repo.insertPasswordReset(h.runtime.db, {
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    await h.caller(null).auth.resetPassword({ token, password: 'the owner chose this one' });
    const signedIn = await h.signIn('locked@kicox.example', 'the owner chose this one');
    expect(signedIn.actor.email).toBe('locked@kicox.example');
  });
});
