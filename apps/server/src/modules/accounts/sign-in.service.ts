import { randomInt, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  type PersonSessionOutput,
  type RequestInfo,
  type Services,
  type SessionCookie,
} from '@plenary/contracts';
import { domainMessage, type DomainMessage } from '@plenary/contracts/domain-messages';
import { desc, eq, schema, type Tx } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { newToken, sha256 } from '../identity/crypto';
import { sendTemplatedMail } from '../mail/mail.service';
import * as repo from './accounts.repo';
import { startPersonSession } from './person-sessions';

/** A code is good for 10 minutes and 5 wrong tries; then the person asks for a new one. */
export const SIGN_IN_CODE_MINUTES = 10;
export const SIGN_IN_CODE_TRIES = 5;

const codeDead: DomainMessage = { key: 'signInCodeDead' };
const linkDead = 'This sign-in link has expired or was replaced by a newer one: ask for a new code';

/** The code's hash is bound to its address, so equal codes of two addresses hash apart. */
const codeHash = (email: string, code: string) => sha256(`${email}:${code}`);

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Signs the verified address in: the person is found or created by email,
 * earlier registrations with that address attach, and a session starts.
 */
async function signIn(
  runtime: Runtime,
  tx: Tx,
  request: RequestInfo,
  email: string,
  locale: string,
  cookie: SessionCookie,
): Promise<PersonSessionOutput> {
  const person = await repo.findOrCreateVerifiedPerson(tx, email, locale, runtime.now());
  const { csrfToken } = await startPersonSession(runtime, tx, request, person.id, cookie);
  const dto = await repo.findPerson(tx, person.id);
  if (!dto) throw new Error('the person just signed in is missing');
  return { person: { ...dto, locale: dto.locale === 'ko' ? 'ko' : 'en' }, csrfToken };
}

/** A wrong code may be tried again (INVALID_CREDENTIALS); a dead one needs a new mail (TOKEN_INVALID). */
type CodeCheck =
  | { ok: true; session: PersonSessionOutput }
  | { ok: false; code: 'INVALID_CREDENTIALS' | 'TOKEN_INVALID'; message: DomainMessage };

export function createSignInService(runtime: Runtime): Services['accounts'] {
  return {
    async requestCode(caller, input) {
      // The same work and the same answer for a known and an unknown address: the
      // mail goes either way (a person is made at the first sign-in, not before).
      const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
      const token = newToken();
      const link = `${runtime.config.publicUrl}/signin/${token}`;
      await inTransaction(runtime, async (uow) => {
        await repo.putSignInCode(uow.tx, {
          email: input.email,
          codeHash: codeHash(input.email, code),
          linkTokenHash: sha256(token),
          expiresAt: new Date(runtime.now().getTime() + SIGN_IN_CODE_MINUTES * 60_000),
        });
        await sendTemplatedMail(runtime, uow, {
          kind: 'accounts.signIn',
          to: input.email,
          locale: input.locale,
          values: { code, link, minutes: SIGN_IN_CODE_MINUTES },
        });
      });
      runtime.logger.info({ requestId: caller.request.requestId }, 'sign-in code mailed');
    },

    async verifyCode(caller, input, cookie) {
      // The count of wrong tries must survive the refusal, so the transaction answers
      // and the refusal is thrown after it has committed.
      const result = await inTransaction(runtime, async ({ tx }): Promise<CodeCheck> => {
        const row = await repo.lockSignInCode(tx, input.email);
        const now = runtime.now();
        if (!row || row.expiresAt <= now || row.failedAttempts >= SIGN_IN_CODE_TRIES)
          return { ok: false, code: 'TOKEN_INVALID', message: codeDead };
        if (!sameHash(row.codeHash, codeHash(input.email, input.code))) {
          await repo.countFailedSignInCode(tx, input.email);
          const left = SIGN_IN_CODE_TRIES - row.failedAttempts - 1;
          if (left <= 0) return { ok: false, code: 'TOKEN_INVALID', message: codeDead };
          return {
            ok: false,
            code: 'INVALID_CREDENTIALS',
            message: left === 1 ? { key: 'signInCodeWrongOneLeft', params: { left } } : { key: 'signInCodeWrong', params: { left } },
          };
        }
        await repo.deleteSignInCode(tx, input.email);
        const locale = await localeOf(tx, input.email);
        return { ok: true, session: await signIn(runtime, tx, caller.request, input.email, locale, cookie) };
      });
      if (!result.ok) {
        const text = domainMessage(result.message.key, result.message.params);
        throw new DomainError(result.code, result.message, { code: [text] });
      }
      return result.session;
    },

    async verifyLink(caller, input, cookie) {
      return inTransaction(runtime, async ({ tx }) => {
        const row = await repo.lockSignInLink(tx, sha256(input.token));
        if (!row || row.expiresAt <= runtime.now())
          throw new DomainError('TOKEN_INVALID', { key: 'signInLinkDead' }, { token: [linkDead] });
        await repo.deleteSignInCode(tx, row.email);
        const locale = await localeOf(tx, row.email);
        return signIn(runtime, tx, caller.request, row.email, locale, cookie);
      });
    },

    async signInWithRegistrationLink(caller, cookie) {
      return inTransaction(runtime, async ({ tx }) => {
        const [registration] = await tx
          .select({ email: schema.persons.email, locale: schema.registrations.locale })
          .from(schema.registrations)
          .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
          .where(eq(schema.registrations.id, caller.registrationId));
        if (!registration) throw new DomainError('NOT_FOUND', { key: 'registrationWasNotFound' });
        const email = registration.email;
        return signIn(runtime, tx, caller.request, email, registration.locale, cookie);
      });
    },

    async session(caller) {
      if (!caller) return { person: null, csrfToken: null };
      const dto = await repo.findPerson(runtime.db, caller.person.personId);
      if (!dto) return { person: null, csrfToken: null };
      return {
        person: { ...dto, locale: dto.locale === 'ko' ? 'ko' : 'en' },
        csrfToken: caller.person.csrfToken,
      };
    },

    async signOut(caller, cookie) {
      await repo.deletePersonSession(runtime.db, caller.person.sessionId);
      cookie.clear();
    },

    async signOutEverywhere(caller, cookie) {
      await repo.deleteSessionsOfPerson(runtime.db, caller.person.personId);
      cookie.clear();
    },
  };
}

/** A new person's language: the one of their latest registration with the address, else English. */
async function localeOf(tx: Tx, email: string): Promise<string> {
  const [row] = await tx
    .select({ locale: schema.registrations.locale })
    .from(schema.registrations)
    .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
    .where(eq(schema.persons.email, email))
    .orderBy(desc(schema.registrations.createdAt))
    .limit(1);
  return row?.locale ?? 'en';
}
