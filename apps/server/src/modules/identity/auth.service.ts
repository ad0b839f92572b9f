import { DomainError, type Services } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { findMembershipsOfUser } from '../team/team.repo';
import {
  dummyPasswordHash,
  hashPassword,
  newRecoveryCode,
  normaliseRecoveryCode,
  sha256,
  verifyPassword,
} from './crypto';
import * as repo from './identity.repo';
import { startSession } from './sessions';
import { claimAttempt, liftAccountLock } from './throttle';
import { newTotpSecret, totpEnrolment, totpStep } from './totp';
import { queueResetMail } from './reset-mail';
import { openSecret, sealSecret } from './secret-box';

const RECOVERY_CODES = 10;

const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', { key: 'wrongEmailOrPassword' });

export function createAuthService(runtime: Runtime): Omit<Services['auth'], 'permissions'> {
  const now = () => runtime.now();

  async function requireUser(userId: string) {
    const user = await repo.findUserById(runtime.db, userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', { key: 'signInFirst' });
    return user;
  }

  async function issueRecoveryCodes(db: Parameters<typeof repo.replaceRecoveryCodes>[0], userId: string) {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await repo.replaceRecoveryCodes(db, userId, codes.map(sha256));
    return codes;
  }

  return {
    async login(caller, input, cookie) {
      const attempt = await claimAttempt(runtime, 'password', input.email, caller.request.ip);
      const user = await repo.findUserByEmail(runtime.db, input.email);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
      const succeeded = Boolean(user && ok && !user.disabledAt);
      if (succeeded) await attempt.succeeded();
      // The attempt is committed on its own, success or not: it is what throttling counts.
      await repo.recordLoginAttempt(runtime.db, { kind: 'password', email: input.email, ip: caller.request.ip, succeeded, at: now() });
      if (!user || !succeeded) throw invalidCredentials();
      const secondFactorRequired = user.totpEnabledAt !== null;
      await startSession(runtime, runtime.db, caller, user.id, !secondFactorRequired, cookie);
      return { secondFactorRequired };
    },

    async verifySecondFactor(caller, input) {
      const { actor } = caller;
      if (actor.secondFactorDone) return;
      const attempt = await claimAttempt(runtime, 'second_factor', actor.email, caller.request.ip);
      const user = await requireUser(actor.userId);
      let ok = false;
      if (user.totpSecret && user.totpEnabledAt) {
        const step = totpStep(input.code, openSecret(runtime.config.secretKey, user.totpSecret, user.id), now());
        ok = step !== null && (await repo.claimTotpStep(runtime.db, user.id, step));
        if (!ok && input.code.includes('-')) {
          ok = await repo.consumeRecoveryCode(runtime.db, user.id, sha256(normaliseRecoveryCode(input.code)), now());
        }
      }
      await repo.recordLoginAttempt(runtime.db, { kind: 'second_factor', email: actor.email, ip: caller.request.ip, succeeded: ok, at: now() });
      if (ok) await attempt.succeeded();
      if (!ok) throw new DomainError('INVALID_CREDENTIALS', { key: 'wrongCode' }, { code: ['That code is not right'] });
      await repo.markSecondFactorDone(runtime.db, actor.sessionId);
    },

    async logout(caller, cookie) {
      await repo.deleteSession(runtime.db, caller.actor.sessionId);
      cookie.clear();
    },

    async logoutEverywhere(caller, cookie) {
      await inTransaction(runtime, async ({ tx }) => {
        await repo.deleteSessionsOfUser(tx, caller.actor.userId);
        await recordAudit(tx, caller, { eventId: null, action: 'user.logoutEverywhere', objectType: 'user', objectId: caller.actor.userId });
      });
      cookie.clear();
    },

    async me(caller) {
      const actor = caller.actor;
      if (!actor) return { user: null, secondFactorPending: false, csrfToken: null, memberships: [] };
      const user = await requireUser(actor.userId);
      const memberships = actor.secondFactorDone ? await findMembershipsOfUser(runtime.db, user.id, user.isPlatformAdmin) : [];
      return {
        user: {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          isPlatformAdmin: user.isPlatformAdmin,
          locale: user.locale === 'en' || user.locale === 'ko' ? user.locale : null,
          totpEnabled: user.totpEnabledAt !== null,
        },
        secondFactorPending: !actor.secondFactorDone,
        csrfToken: actor.csrfToken,
        memberships,
      };
    },

    async updateProfile(caller, input) {
      await inTransaction(runtime, async ({ tx }) => {
        const before = await repo.findUserById(tx, caller.actor.userId);
        if (!before) throw new DomainError('UNAUTHENTICATED', { key: 'signInFirst' });
        const patch = { ...(input.displayName ? { displayName: input.displayName } : {}), ...(input.locale ? { locale: input.locale } : {}) };
        await repo.updateUser(tx, before.id, patch);
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'user.updateProfile',
          objectType: 'user',
          objectId: before.id,
          before: { displayName: before.displayName, locale: before.locale },
          after: { displayName: before.displayName, locale: before.locale, ...patch },
        });
      });
    },

    async changePassword(caller, input) {
      const user = await requireUser(caller.actor.userId);
      // A stolen session must not become a way to guess the password.
      const attempt = await claimAttempt(runtime, 'current_password', user.email, caller.request.ip);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new DomainError('INVALID_CREDENTIALS', { key: 'wrongCurrentPassword' }, {
          currentPassword: ['The current password is not right'],
        });
      }
      await attempt.succeeded();
      const passwordHash = await hashPassword(input.newPassword);
      await inTransaction(runtime, async ({ tx }) => {
        await repo.updateUser(tx, user.id, { passwordHash });
        await repo.endPasswordResets(tx, user.id, now());
        // Other sessions may belong to whoever knew the old password.
        await repo.deleteSessionsOfUser(tx, user.id, { except: caller.actor.sessionId });
        await recordAudit(tx, caller, { eventId: null, action: 'user.changePassword', objectType: 'user', objectId: user.id });
      });
    },

    async startTotpEnrolment(caller) {
      const user = await requireUser(caller.actor.userId);
      if (user.totpEnabledAt) throw new DomainError('INVALID_STATE', { key: 'twoFactorAlreadyOnTurnOffFirst' });
      const secret = newTotpSecret();
      await repo.updateUser(runtime.db, user.id, { totpSecret: sealSecret(runtime.config.secretKey, secret, user.id) });
      return totpEnrolment(user.email, secret);
    },

    async confirmTotpEnrolment(caller, input) {
      const user = await requireUser(caller.actor.userId);
      if (user.totpEnabledAt) throw new DomainError('INVALID_STATE', { key: 'twoFactorAlreadyOn' });
      if (!user.totpSecret) throw new DomainError('INVALID_STATE', { key: 'twoFactorStartSetUpFirst' });
      const step = totpStep(input.code, openSecret(runtime.config.secretKey, user.totpSecret, user.id), now());
      if (step === null) {
        throw new DomainError('INVALID_INPUT', { key: 'wrongCodeCheckClock' }, { code: ['That code is not right'] });
      }
      return inTransaction(runtime, async ({ tx }) => {
        await repo.updateUser(tx, user.id, { totpEnabledAt: now(), totpLastStep: step });
        const recoveryCodes = await issueRecoveryCodes(tx, user.id);
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'user.enableTotp',
          objectType: 'user',
          objectId: user.id,
          before: { totpEnabled: false },
          after: { totpEnabled: true },
        });
        return { recoveryCodes };
      });
    },

    async regenerateRecoveryCodes(caller) {
      const user = await requireUser(caller.actor.userId);
      if (!user.totpEnabledAt) throw new DomainError('INVALID_STATE', { key: 'twoFactorTurnOnFirst' });
      return inTransaction(runtime, async ({ tx }) => {
        const recoveryCodes = await issueRecoveryCodes(tx, user.id);
        await recordAudit(tx, caller, { eventId: null, action: 'user.regenerateRecoveryCodes', objectType: 'user', objectId: user.id });
        return { recoveryCodes };
      });
    },

    async disableTotp(caller, input) {
      const user = await requireUser(caller.actor.userId);
      const attempt = await claimAttempt(runtime, 'current_password', user.email, caller.request.ip);
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        throw new DomainError('INVALID_CREDENTIALS', { key: 'wrongPassword' }, { password: ['The password is not right'] });
      }
      await attempt.succeeded();
      await inTransaction(runtime, async ({ tx }) => {
        await repo.updateUser(tx, user.id, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
        await repo.replaceRecoveryCodes(tx, user.id, []);
        await recordAudit(tx, caller, {
          eventId: null,
          action: 'user.disableTotp',
          objectType: 'user',
          objectId: user.id,
          before: { totpEnabled: true },
          after: { totpEnabled: false },
        });
      });
    },

    async requestPasswordReset(_caller, input) {
      // Same answer in the same time whether or not the account exists (reset-mail.ts).
      await queueResetMail(runtime, input.email);
    },

    async resetPassword(caller, input) {
      const passwordHash = await hashPassword(input.password);
      const userId = await inTransaction(runtime, async ({ tx }) => {
        const userId = await repo.consumePasswordReset(tx, sha256(input.token), now());
        if (!userId) throw new DomainError('TOKEN_INVALID', { key: 'resetLinkInvalid' }, { token: ['Expired or already used'] });
        await repo.updateUser(tx, userId, { passwordHash });
        await repo.endPasswordResets(tx, userId, now());
        await repo.deleteSessionsOfUser(tx, userId);
        await recordAudit(tx, caller, { eventId: null, action: 'user.resetPassword', objectType: 'user', objectId: userId });
        return userId;
      });
      // Whoever reset the password owns the mailbox: a lock from someone else's guesses ends here.
      const user = await repo.findUserById(runtime.db, userId);
      if (user) await liftAccountLock(runtime, user.email);
    },
  };
}
