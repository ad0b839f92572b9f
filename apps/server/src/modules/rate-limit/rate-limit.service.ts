import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { countHits, purgeExpired } from './rate-limit.store';

/** Requests a minute a partner key may make when neither the key nor the server says otherwise. */
export const DEFAULT_API_REQUESTS_PER_MINUTE = 120;
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Shared rate limits (see packages/contracts/src/rate-limits.ts). The
 * runtime's rateLimitScale multiplies every limit: 1 (strict) in a server,
 * larger in tests that are not about limits, so they may call freely.
 */
export function createRateLimitService(runtime: Runtime): Services['rateLimits'] {
  let lastPurge = 0;
  return {
    async hit(hits) {
      const now = runtime.now();
      if (now.getTime() - lastPurge > PURGE_EVERY_MS) {
        lastPurge = now.getTime();
        purgeExpired(runtime.db, now).catch((err: unknown) =>
          runtime.logger.error({ err }, 'rate limit purge failed'),
        );
      }
      const scale = runtime.config.rateLimitScale ?? 1;
      const partnerDefault = runtime.config.apiRequestsPerMinute ?? DEFAULT_API_REQUESTS_PER_MINUTE;
      const limitOf = new Map(
        hits.map((h) => [h.bucket, Math.max(1, Math.round((h.max || partnerDefault) * scale))]),
      );
      const counted = await countHits(runtime.db, hits, now);
      let waitMs = 0;
      for (const c of counted) {
        if (c.hits > (limitOf.get(c.bucket) ?? 0))
          waitMs = Math.max(waitMs, c.expiresAt.getTime() - now.getTime());
      }
      return waitMs > 0 ? { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : null;
    },
  };
}
