import { DomainError } from '@plenary/contracts';
import type { DomainMessage } from '@plenary/contracts/domain-messages';
import type { Runtime } from '../../core/runtime';
import { clearBucket, countHits, refundHit } from '../rate-limit/rate-limit.store';

/**
 * Password and second-factor throttling, in the shared counters table so that
 * every server process sees the same counts. Limits follow OWASP's guidance: a
 * handful of failures per account, a larger budget per address (an office
 * behind one NAT).
 *
 * Count first, then check: an attempt takes its place in the counters in one
 * atomic upsert BEFORE the password is verified, and gives it back only if the
 * password was right. So of 100 simultaneous wrong passwords exactly
 * `perAccount` are verified; counting failures after the check (as before)
 * let every request that started before the first failure was written through.
 */
export const THROTTLE = {
  windowMinutes: 15,
  perAccount: 5,
  perIp: 50,
} as const;

/** What is being guessed: the sign-in password, the second factor, or the current password in the profile. */
export type ThrottledCheck = 'password' | 'second_factor' | 'current_password';

const accountBucket = (kind: ThrottledCheck, account: string) =>
  `throttle:${kind}:account:${account.toLowerCase()}`;
const ipBucket = (kind: ThrottledCheck, ip: string) => `throttle:${kind}:ip:${ip}`;

export interface ClaimedAttempt {
  /** The secret was right: the attempt is not a failure and gives its place back. */
  succeeded(): Promise<void>;
}

export async function claimAttempt(
  runtime: Runtime,
  kind: ThrottledCheck,
  account: string,
  ip: string,
): Promise<ClaimedAttempt> {
  const now = runtime.now();
  const windowSeconds = THROTTLE.windowMinutes * 60;
  const buckets = [
    { bucket: accountBucket(kind, account), windowSeconds, max: THROTTLE.perAccount },
    { bucket: ipBucket(kind, ip), windowSeconds, max: THROTTLE.perIp },
  ];
  const counted = await countHits(runtime.db, buckets, now);
  const over = counted.filter((c) => c.hits > (buckets.find((b) => b.bucket === c.bucket)?.max ?? 0));
  if (over.length > 0) {
    const waitMs = Math.max(...over.map((c) => c.expiresAt.getTime() - now.getTime()));
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    const params = { minutes };
    const one = minutes === 1;
    // Written out key by key, so domain-messages.test.ts sees each one.
    const message: DomainMessage =
      kind === 'second_factor'
        ? one
          ? { key: 'tooManyCodeAttemptsOneMinute', params }
          : { key: 'tooManyCodeAttempts', params }
        : kind === 'current_password'
          ? one
            ? { key: 'tooManyPasswordAttemptsOneMinute', params }
            : { key: 'tooManyPasswordAttempts', params }
          : one
            ? { key: 'tooManySignInAttemptsOneMinute', params }
            : { key: 'tooManySignInAttempts', params };
    throw new DomainError('TOO_MANY_ATTEMPTS', message, {}, retryAfterSeconds);
  }
  return {
    async succeeded() {
      for (const b of buckets) await refundHit(runtime.db, b.bucket, now);
    },
  };
}

/** A password reset proves the owner: the account's lock is lifted (the address's is not). */
export async function liftAccountLock(runtime: Runtime, account: string): Promise<void> {
  for (const kind of ['password', 'second_factor', 'current_password'] as const) {
    await clearBucket(runtime.db, accountBucket(kind, account));
  }
}
