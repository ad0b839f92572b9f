import { createHash } from 'node:crypto';
import express, { type RequestHandler, type Response } from 'express';
import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { bearerOf } from './bearer';
import { sendApiError } from './errors';
import * as store from './idempotency.store';

const HOUR = 3_600_000;
/** Keys are replayed for at least a day (48 hours here) after their first use. */
export const IDEMPOTENCY_KEEP_HOURS = 48;
const KEEP_MS = IDEMPOTENCY_KEEP_HOURS * HOUR;
const PURGE_EVERY_MS = 10 * 60_000;
/** An in-flight claim older than this belonged to a request that never finished. */
const ABANDONED_MS = 10 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What "the same request" means: method, path and body (key order aside). */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonical(body)}`)
    .digest('hex');
}

/**
 * Idempotency-Key for POSTs under /api/v1 (optional header): the same key and
 * body replay the first response (Idempotent-Replayed: true); the same key with
 * another body is 422; a repeat while the first is still running is 409. The
 * response is stored before it is sent, so a client that has it never sees 409.
 * A 5xx is not stored: the client may retry with the same key.
 */
export function idempotency(runtime: Runtime, services: Services): RequestHandler {
  let lastPurge = 0;

  function purgeNowAndThen(now: Date) {
    if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = now.getTime();
    store
      .purgeKeys(runtime.db, new Date(now.getTime() - KEEP_MS))
      .catch((err: unknown) => runtime.logger.error({ err }, 'idempotency purge failed'));
  }

  function recordResponse(res: Response, ref: { apiKeyId: string; key: string }) {
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    // tRPC streams its body through write(); the REST adapter sends it with end().
    const written: Buffer[] = [];
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string') written.push(Buffer.from(chunk));
      else if (chunk instanceof Uint8Array) written.push(Buffer.from(chunk));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const status = res.statusCode;
      keep(chunk);
      let body: unknown;
      try {
        body = written.length > 0 ? JSON.parse(Buffer.concat(written).toString('utf8')) : null;
      } catch {
        body = null;
      }
      const settle =
        status >= 500
          ? store.releaseKey(runtime.db, ref)
          : store.completeKey(runtime.db, { ...ref, status, body, now: runtime.now() });
      settle
        .catch((err: unknown) => runtime.logger.error({ err }, 'idempotency record failed'))
        .finally(() => end(chunk, ...rest));
      return res;
    }) as Response['end'];
  }

  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      const message = 'Idempotency-Key must be 1 to 255 visible ASCII characters';
      return sendApiError(res, 400, 'INVALID_INPUT', message, { 'Idempotency-Key': [message] });
    }
    const bearer = bearerOf(req);
    const partner = bearer ? await services.access.partnerKey(bearer) : null;
    // Without a valid key the route answers 401 itself; nothing to remember.
    if (!partner) return next();

    const now = runtime.now();
    purgeNowAndThen(now);
    const ref = { apiKeyId: partner.apiKeyId, key };
    const hash = requestHash(req.method, `${req.baseUrl}${req.path}`, req.body);
    let claimed = await store.claimKey(runtime.db, { ...ref, requestHash: hash, now });
    if (!claimed) {
      await store.releaseAbandoned(runtime.db, { ...ref, before: new Date(now.getTime() - ABANDONED_MS) });
      claimed = await store.claimKey(runtime.db, { ...ref, requestHash: hash, now });
    }
    if (claimed) {
      recordResponse(res, ref);
      return next();
    }

    const stored = await store.findKey(runtime.db, ref);
    if (!stored) {
      // Released between our claim and our look (the first attempt failed): the client may retry.
      return sendApiError(
        res,
        409,
        'IDEMPOTENCY_KEY_IN_USE',
        'A request with this Idempotency-Key just failed; retry',
      );
    }
    if (stored.requestHash !== hash) {
      const message =
        'This Idempotency-Key was used for a different request; use a new key for a new request';
      return sendApiError(res, 422, 'IDEMPOTENCY_KEY_REUSED', message, { 'Idempotency-Key': [message] });
    }
    if (stored.responseStatus === null) {
      return sendApiError(
        res,
        409,
        'IDEMPOTENCY_KEY_IN_USE',
        'A request with this Idempotency-Key is still being processed; retry in a moment',
      );
    }
    res.setHeader('Idempotent-Replayed', 'true');
    res.status(stored.responseStatus).json(stored.responseBody);
  };
}

/**
 * Idempotency-Key for the partner procedures called over tRPC (/trpc/api.x):
 * the same semantics as on /api/v1, so a retried POST creates nothing twice
 * whichever path the partner uses. The body is parsed here (tRPC takes a parsed
 * body as it is) because the request hash includes it.
 */
export function partnerTrpcIdempotency(
  runtime: Runtime,
  services: Services,
  maxBodyBytes: number,
): RequestHandler {
  const parse = express.json({ limit: maxBodyBytes });
  const remember = idempotency(runtime, services);
  return (req, res, next) => {
    if (req.method !== 'POST' || !req.path.startsWith('/api.') || req.get('idempotency-key') === undefined)
      return next();
    parse(req, res, (err?: unknown) => (err ? next(err) : void remember(req, res, next)));
  };
}
