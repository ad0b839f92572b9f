import { DomainError } from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import { countFailures } from './identity.repo';

/**
 * Sign-in throttling, counted from the login_attempts table so that every server
 * process sees the same counts. Limits follow OWASP's guidance: a handful of
 * failures per account, a larger budget per address (an office behind one NAT).
 */
export const THROTTLE = {
  windowMinutes: 15,
  perAccount: 5,
  perIp: 50,
} as const;

export async function assertNotThrottled(
  db: Executor,
  kind: 'password' | 'second_factor',
  email: string,
  ip: string,
  now: Date,
): Promise<void> {
  const windowMs = THROTTLE.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const checks = [
    { failures: await countFailures(db, { kind, email }, since), limit: THROTTLE.perAccount },
    { failures: await countFailures(db, { kind, ip }, since), limit: THROTTLE.perIp },
  ];
  for (const { failures, limit } of checks) {
    if (failures.n >= limit && failures.oldest) {
      const retryAfterSeconds = Math.max(1, Math.ceil((failures.oldest.getTime() + windowMs - now.getTime()) / 1000));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
        {},
        retryAfterSeconds,
      );
    }
  }
}
