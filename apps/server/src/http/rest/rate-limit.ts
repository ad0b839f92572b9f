import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sha256 } from '../../modules/identity/crypto';
import { bearerOf } from './bearer';
import { sendApiError } from './errors';

/** Requests a partner's key may make per minute: enough for a sync job, not for a flood. */
export const API_REQUESTS_PER_MINUTE = 120;

/**
 * Counts requests per API key (its hash: the secret is not kept in memory), or per
 * client address for requests without one. In memory, so per server process.
 */
export function apiRateLimit(requestsPerMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: requestsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const key = bearerOf(req);
      return key ? `key:${sha256(key)}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    // Retry-After is already set when the handler runs.
    handler: (_req, res) =>
      sendApiError(
        res,
        429,
        'TOO_MANY_ATTEMPTS',
        `Too many requests: at most ${requestsPerMinute} a minute per API key; retry after the Retry-After seconds`,
      ),
  });
}
