import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, eq } from '@plenary/db';
import { createHarness, errorOf, TEST_PASSWORD, type TestHarness } from '../../testing/harness';
import { eventually } from '../../testing/eventually';
import { resolveSession } from './sessions';
import { THROTTLE } from './throttle';
import { totpCodeFor } from './totp';

let h: TestHarness;
beforeAll(async () => {
  // Work jobs: reset mails are made after the request is answered (issue 10, finding 4).
  h = await createHarness({ work: true });
});
afterAll(() => h.close());


describe('sign-in', () => {
  it('normalises the email, starts a new session at every sign-in and stores only its hash', async () => {
    await h.signUp('Chair@TCI-Network.example');
    const first = await h.signIn('  chair@tci-network.example ', TEST_PASSWORD);
    const second = await h.signIn('CHAIR@tci-network.example', TEST_PASSWORD);
    expect(first.actor.sessionId).not.toBe(second.actor.sessionId);
    const rows = await h.runtime.db.select({ id: schema.sessions.id }).from(schema.sessions);
    expect(rows.map((r) => r.id)).not.toContain(first.token);
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const wrong = await errorOf(h.caller(null).auth.login({ email: 'chair@tci-network.example', password: 'nope' }));
    const unknown = await errorOf(h.caller(null).auth.login({ email: 'nobody@example.org', password: 'nope' }));
    expect([wrong.code, wrong.message]).toEqual(['UNAUTHORIZED', 'The email or password is not right']);
    expect([unknown.code, unknown.message]).toEqual(['UNAUTHORIZED', 'The email or password is not right']);
  });

  it(`throttles an account after ${THROTTLE.perAccount} failures, even with the right password, from any address`, async () => {
    await h.signUp('target@kicox.example');
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      const err = await errorOf(h.caller(null, { ip: `10.0.0.${i}` }).auth.login({ email: 'target@kicox.example', password: `guess-${i}` }));
      expect(err.code).toBe('UNAUTHORIZED');
    }
    const blocked = await errorOf(h.caller(null, { ip: '10.0.0.99' }).auth.login({ email: 'target@kicox.example', password: TEST_PASSWORD }));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.message).toBe('Too many failed sign-in attempts. Try again in 15 minutes, or reset your password.');
  });

  it(`throttles an address after ${THROTTLE.perIp} failures across accounts`, async () => {
    const ip = '192.0.2.7';
    for (let i = 0; i < THROTTLE.perIp; i++) {
      await errorOf(h.caller(null, { ip }).auth.login({ email: `spray${i % 10}@example.org`, password: 'x' }));
    }
    await h.signUp('innocent@example.org');
    const blocked = await errorOf(h.caller(null, { ip }).auth.login({ email: 'innocent@example.org', password: TEST_PASSWORD }));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    const elsewhere = await h.signIn('innocent@example.org', TEST_PASSWORD, { ip: '192.0.2.8' });
    expect(elsewhere.actor.email).toBe('innocent@example.org');
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const a = await h.signUp('multi@example.org');
    const b = await h.signIn('multi@example.org', TEST_PASSWORD);
    await h.caller(a).auth.logoutEverywhere();
    expect(await resolveSession(h.runtime, b.token)).toBeNull();
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a QR code, then asks for a code at sign-in; a recovery code works once', async () => {
    // Start one second into a 30-second TOTP step, so the test's codes stay in one step until it
    // moves the clock itself (on the real clock a step could end mid-test and turn a replay into a new code).
    h.advanceClock(30_000 - (h.runtime.now().getTime() % 30_000) + 1_000);
    const actor = await h.signUp('secure@kicox.example');
    const enrolment = await h.caller(actor).auth.startTotpEnrolment();
    expect(enrolment.qrDataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(enrolment.otpauthUrl).toContain('otpauth://totp/Plenary:secure%40kicox.example');
    const code = () => totpCodeFor(enrolment.secret, h.runtime.now());
    const wrong = await errorOf(h.caller(actor).auth.confirmTotpEnrolment({ code: code() === '000000' ? '111111' : '000000' }));
    expect(wrong.code).toBe('BAD_REQUEST');
    const { recoveryCodes } = await h.caller(actor).auth.confirmTotpEnrolment({ code: code() });
    expect(recoveryCodes).toHaveLength(10);

    const pending = await h.signIn('secure@kicox.example', TEST_PASSWORD);
    expect(pending.secondFactorRequired).toBe(true);
    expect((await errorOf(h.caller(pending.actor).events.listMine({}))).code).toBe('UNAUTHORIZED');
    // The code used at enrolment cannot be replayed; the next step's code works once.
    const replayed = await errorOf(h.caller(pending.actor).auth.verifySecondFactor({ code: code() }));
    expect([replayed.code, replayed.message]).toEqual(['UNAUTHORIZED', 'That code is not right']);
    h.advanceClock(30_000);
    await h.caller(pending.actor).auth.verifySecondFactor({ code: code() });
    const done = await resolveSession(h.runtime, pending.token);
    expect(done?.secondFactorDone).toBe(true);
    const again = await h.signIn('secure@kicox.example', TEST_PASSWORD);
    expect((await errorOf(h.caller(again.actor).auth.verifySecondFactor({ code: code() }))).code).toBe('UNAUTHORIZED');

    const recovery = recoveryCodes[0]!;
    const p2 = await h.signIn('secure@kicox.example', TEST_PASSWORD);
    await h.caller(p2.actor).auth.verifySecondFactor({ code: recovery.toUpperCase() });
    const p3 = await h.signIn('secure@kicox.example', TEST_PASSWORD);
    const reused = await errorOf(h.caller(p3.actor).auth.verifySecondFactor({ code: recovery }));
    expect(reused.code).toBe('UNAUTHORIZED');
  });

  it('an owner can require two-factor for the team; members without it are refused until they enrol', async () => {
    const owner = await h.signUp('owner2fa@kicox.example', { platformAdmin: true });
    const event = await h.caller(owner).events.create({
      slug: 'secure-event',
      title: { en: 'Secure' },
      startsAt: '2015-11-03T09:00:00+09:00',
      endsAt: '2015-11-06T18:00:00+09:00',
      timeZone: 'Asia/Seoul',
    });
    const staff = await h.signUp('desk@kicox.example');
    const { insertMember } = await import('../team/team.repo');
    await insertMember(h.runtime.db, { eventId: event.id, userId: staff.userId, role: 'staff' });
    expect((await h.caller(staff).events.get({ eventId: event.id })).slug).toBe('secure-event');
    await h.caller(owner).events.update({ eventId: event.id, requireTwoFactor: true });
    const refused = await errorOf(h.caller(staff).events.get({ eventId: event.id }));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'This event requires two-factor sign-in: set it up in your profile']);
    const { secret } = await h.caller(staff).auth.startTotpEnrolment();
    await h.caller(staff).auth.confirmTotpEnrolment({ code: totpCodeFor(secret, h.runtime.now()) });
    h.advanceClock(30_000);
    const again = await h.signIn('desk@kicox.example', TEST_PASSWORD);
    await h.caller(again.actor).auth.verifySecondFactor({ code: totpCodeFor(secret, h.runtime.now()) });
    const ready = await resolveSession(h.runtime, again.token);
    expect((await h.caller(ready).events.get({ eventId: event.id })).slug).toBe('secure-event');
  });
});

describe('password reset', () => {
  it('mails a link whose token resets the password once and ends every session', async () => {
    await h.signUp('forgetful@unido.example');
    const session = await h.signIn('forgetful@unido.example', TEST_PASSWORD);
    await h.caller(null).auth.requestPasswordReset({ email: 'Forgetful@UNIDO.example' });
    await h.caller(null).auth.requestPasswordReset({ email: 'unknown@unido.example' });
    const mails = await eventually(async () => {
      const m = await h.runtime.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, 'forgetful@unido.example'));
      expect(m).toHaveLength(1);
      return m;
    });
    expect(mails[0]!.status).toBe('captured');
    const token = /token=([\w-]+)/.exec(mails[0]!.textBody)?.[1];
    expect(token).toBeTruthy();
    await h.caller(null).auth.resetPassword({ token: token!, password: 'a brand new passphrase' });
    expect(await resolveSession(h.runtime, session.token)).toBeNull();
    const again = await errorOf(h.caller(null).auth.resetPassword({ token: token!, password: 'another new passphrase' }));
    expect(again.code).toBe('BAD_REQUEST');
    const signedIn = await h.signIn('forgetful@unido.example', 'a brand new passphrase');
    expect(signedIn.actor.email).toBe('forgetful@unido.example');
  });
});

describe('outstanding reset links', () => {
  /** The reset tokens mailed to an address, once `count` mails have been made. */
  async function resetTokensOf(email: string, count: number): Promise<string[]> {
    const mails = await eventually(async () => {
      const m = await h.runtime.db
        .select()
        .from(schema.mailOutbox)
        .where(eq(schema.mailOutbox.toAddress, email))
        .orderBy(schema.mailOutbox.createdAt);
      expect(m).toHaveLength(count);
      return m;
    });
    return mails.map((m) => /token=([\w-]+)/.exec(m.textBody)?.[1] ?? '');
  }

  it('all end when one of them resets the password', async () => {
    await h.signUp('twice@unido.example');
    await h.caller(null).auth.requestPasswordReset({ email: 'twice@unido.example' });
    await h.caller(null).auth.requestPasswordReset({ email: 'twice@unido.example' });
    const [older, newer] = await resetTokensOf('twice@unido.example', 2);
    expect([older?.length, newer?.length]).toEqual([43, 43]);
    await h.caller(null).auth.resetPassword({ token: newer!, password: 'a brand new passphrase' });
    const stale = await errorOf(
      h.caller(null).auth.resetPassword({ token: older!, password: 'an attacker passphrase' }),
    );
    expect([stale.code, stale.message]).toEqual([
      'BAD_REQUEST',
      'This reset link is not valid any more; ask for a new one',
    ]);
  });

  it('all end when the password is changed', async () => {
    await h.signUp('changer@unido.example');
    const session = await h.signIn('changer@unido.example', TEST_PASSWORD);
    await h.caller(null).auth.requestPasswordReset({ email: 'changer@unido.example' });
    const [token] = await resetTokensOf('changer@unido.example', 1);
    await h
      .caller(session.actor)
      .auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'a changed passphrase' });
    const stale = await errorOf(
      h.caller(null).auth.resetPassword({ token: token!, password: 'an attacker passphrase' }),
    );
    expect(stale.code).toBe('BAD_REQUEST');
    expect((await h.signIn('changer@unido.example', 'a changed passphrase')).actor.email).toBe(
      'changer@unido.example',
    );
  });
});
