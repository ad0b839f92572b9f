import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { JobHandlerOptions } from '../../core/jobs';
import type { Runtime } from '../../core/runtime';
import { WEBHOOK_QUEUE } from './webhook-outbox';
import { isPublicAddress, PrivateReceiverError, publicOnlyLookup } from './receiver-address';
import {
  findDeliveryToSend,
  findLostDeliveryIds,
  recordAttempt,
  setDeliveryStatus,
  SUBSCRIPTION_REMOVED,
} from './webhooks.repo';

/**
 * 15 attempts with doubling delays from 30 s (pg-boss waits between d·2^(n-1)
 * and d·2^n before retry n): the last comes 5.7 to 11 days after the first, so a
 * receiver that is down over a long weekend still gets everything.
 */
export const WEBHOOK_RETRY: JobHandlerOptions = { retryLimit: 14, retryDelaySeconds: 30 };

/** A receiver that has not answered in this time counts as failed (and is retried). */
const TIMEOUT_MS = 10_000;
/** Deliveries in flight at once in this process. */
const WORKERS = 4;
/** A delivery never tried this long after it was recorded lost its hand-over to the queue. */
const LOST_AFTER_MS = 5 * 60_000;

export interface WebhookDeliveryOptions {
  retry?: JobHandlerOptions;
  /**
   * Whether receivers may be on this machine or a private network. Off unless
   * PLENARY_WEBHOOKS_ALLOW_PRIVATE says so: a partner chooses the URL, and must
   * not make the server post into its own network (SSRF). Tests receive on loopback.
   */
  allowPrivateAddresses?: boolean;
}

/** What a receiver answered: only the status counts, its body is not read. */
interface ReceiverAnswer {
  status: number;
}

/**
 * POSTs the body with node:http(s), so the connection can be given its own
 * `lookup`: when private receivers are refused, the address that is checked is
 * the address connected to (no second resolution for DNS rebinding to change).
 * An IP literal is never looked up, so it is judged here first.
 */
function postToReceiver(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivateAddresses: boolean,
): Promise<ReceiverAnswer> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivateAddresses && isIP(host) && !isPublicAddress(host))
    return Promise.reject(new PrivateReceiverError(host));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        ...(allowPrivateAddresses ? {} : { lookup: publicOnlyLookup() }),
      },
      (res) => {
        // A redirect is an answer that is not 2xx, not an instruction to post elsewhere.
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The signature header's value: v1=hex(HMAC-SHA256(secret, "<timestamp>.<body>")). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

function describeFailure(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: unknown }).cause;
    // node:http reports the timeout signal as an AbortError caused by a TimeoutError.
    const causeName = typeof cause === 'object' && cause !== null && 'name' in cause ? cause.name : null;
    if (err.name === 'TimeoutError' || causeName === 'TimeoutError')
      return `No answer within ${TIMEOUT_MS / 1000} s`;
    const detail = cause instanceof Error ? `: ${cause.message}` : '';
    return (err.message + detail).slice(0, 500);
  }
  return String(err).slice(0, 500);
}

/**
 * One delivery attempt; throws so the queue retries with backoff. No transaction
 * is held during the HTTP call (a slow receiver must not hold locks). A delivery
 * already delivered or given up is not sent by a leftover job; two jobs for one
 * pending delivery (sent again by staff while a retry was due) may both send,
 * which receivers handle by deduplicating on Plenary-Webhook-Id.
 */
export async function deliverWebhook(
  runtime: Runtime,
  id: string,
  meta: { attempt: number; lastAttempt: boolean },
  options: Pick<WebhookDeliveryOptions, 'allowPrivateAddresses'> = {},
): Promise<void> {
  const row = await findDeliveryToSend(runtime.db, id);
  if (!row || row.status !== 'pending') return;
  if (!row.active) {
    await setDeliveryStatus(runtime.db, id, 'failed', SUBSCRIPTION_REMOVED);
    return;
  }
  const body = JSON.stringify(row.payload);
  const startedAt = runtime.now();
  const timestamp = Math.floor(startedAt.getTime() / 1000);
  let statusCode: number | null = null;
  let error: string;
  try {
    const response = await postToReceiver(
      row.url,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'Plenary-Webhooks/1',
        'Plenary-Webhook-Id': row.id,
        'Plenary-Webhook-Timestamp': String(timestamp),
        'Plenary-Webhook-Signature': signWebhook(row.secret, timestamp, body),
      },
      body,
      options.allowPrivateAddresses ?? false,
    );
    statusCode = response.status;
    if (statusCode >= 200 && statusCode < 300) {
      await recordAttempt(runtime.db, id, {
        status: 'delivered',
        lastStatusCode: statusCode,
        lastError: null,
        lastAttemptAt: startedAt,
        deliveredAt: runtime.now(),
      });
      return;
    }
    error = `The receiver answered ${statusCode}`;
  } catch (err) {
    error = describeFailure(err);
  }
  await recordAttempt(runtime.db, id, {
    status: meta.lastAttempt ? 'failed' : 'pending',
    lastStatusCode: statusCode,
    lastError: error,
    lastAttemptAt: startedAt,
  });
  throw new Error(`Webhook delivery ${id} failed: ${error}`);
}

/** Hands lost deliveries (never tried, older than a few minutes) to the queue again. */
export async function sweepWebhookDeliveries(runtime: Runtime): Promise<number> {
  const ids = await findLostDeliveryIds(runtime.db, new Date(runtime.now().getTime() - LOST_AFTER_MS));
  for (const id of ids) await runtime.jobs.send(WEBHOOK_QUEUE, { id });
  return ids.length;
}

/**
 * Registers the delivery worker and the sweeper; returns what stops the sweeper.
 * The retry policy is an option so tests can retry in seconds instead of minutes.
 */
export async function startWebhookDelivery(
  runtime: Runtime,
  options: WebhookDeliveryOptions = {},
): Promise<() => void> {
  const allowPrivateAddresses = options.allowPrivateAddresses ?? false;
  // Each registration is one pg-boss worker taking one job at a time: several, so
  // a receiver that lets every call run into the timeout does not hold up the others.
  for (let i = 0; i < WORKERS; i++) {
    await runtime.jobs.register<{ id: string }>(WEBHOOK_QUEUE, options.retry ?? WEBHOOK_RETRY, (data, meta) =>
      deliverWebhook(runtime, data.id, meta, { allowPrivateAddresses }),
    );
  }
  const timer = setInterval(
    () =>
      void sweepWebhookDeliveries(runtime).catch((err: unknown) =>
        runtime.logger.error({ err }, 'webhook sweep failed'),
      ),
    LOST_AFTER_MS,
  );
  timer.unref();
  return () => clearInterval(timer);
}
