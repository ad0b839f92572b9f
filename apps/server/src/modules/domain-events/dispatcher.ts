import type { DomainEventData, DomainEventType } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import {
  claimNextDelivery,
  countDueDeliveries,
  updateDelivery,
  type ClaimedDelivery,
} from './domain-events.repo';
import { DOMAIN_EVENT_QUEUE } from './record';
import type { DomainEvent, DomainEventRegistry } from './registry';
import { domainEventRegistry } from './subscribers';

/**
 * Hands each pending (event, subscriber) to the subscriber, at least once, in
 * order per subject, after the change committed:
 * - a job on the PostgreSQL job queue (sent after each commit that recorded
 *   events, and by a sweep for hand-overs lost to a crash) runs `dispatchDomainEvents`
 *   in whichever server process takes it;
 * - each delivery is claimed under a row lock (SKIP LOCKED), so two dispatchers
 *   never run one together, and marked done in the transaction of the
 *   subscriber's own work: a crash before commit leaves it pending for another try;
 * - a subscriber that throws has its work rolled back (a savepoint) and the
 *   delivery put off with a doubling wait; the same subject's later events wait
 *   for it (order per subject), other subjects and other subscribers go on.
 *   After `maxAttempts` it is marked failed and the subject's later events proceed.
 */
export interface DispatchOptions {
  registry?: DomainEventRegistry;
  /** Tries per delivery before it is given up (default 20: with the 1 h cap, about half a day). */
  maxAttempts?: number;
  /** Wait before the first retry, doubled each time up to an hour (default 5 s). */
  firstRetryMs?: number;
  /** Off only in the control run of the two-dispatcher test. Never off in a server. */
  lock?: boolean;
}

const MAX_DELAY_MS = 60 * 60_000;
/** Deliveries one job handles before it hands the rest to a fresh job (other queues get their turn). */
const PER_JOB = 500;

export function retryDelayMs(attempts: number, firstRetryMs: number): number {
  return Math.min(MAX_DELAY_MS, firstRetryMs * 2 ** Math.max(0, attempts - 1));
}

function toEvent(row: ClaimedDelivery): DomainEvent {
  return {
    id: Number(row.domain_event_id),
    type: row.type as DomainEventType,
    eventId: row.event_id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as DomainEventData,
    occurredAt: new Date(row.occurred_at),
  };
}

function describe(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}

type Outcome = { kind: 'none' } | { kind: 'done' } | { kind: 'retry'; afterMs: number } | { kind: 'failed' };

/** Claims and handles the subscriber's next due delivery. */
async function dispatchOne(
  runtime: Runtime,
  subscriberName: string,
  options: DispatchOptions,
): Promise<Outcome> {
  const registry = options.registry ?? domainEventRegistry;
  const maxAttempts = options.maxAttempts ?? 20;
  const firstRetryMs = options.firstRetryMs ?? 5_000;
  return inTransaction(runtime, async (uow) => {
    const now = runtime.now();
    const row = await claimNextDelivery(uow.tx, subscriberName, now, { lock: options.lock ?? true });
    if (!row) return { kind: 'none' } as const;
    const key = { domainEventId: Number(row.domain_event_id), subscriber: row.subscriber };
    const subscriber = registry.get(row.subscriber);
    if (!subscriber) return { kind: 'none' } as const;
    const attempts = row.attempts + 1;
    // The subscriber's after-commit work counts only if its transaction part stands.
    const hooks: Array<() => unknown> = [];
    try {
      await uow.tx.transaction((tx) =>
        subscriber.handle(runtime, { tx, afterCommit: (h) => hooks.push(h) }, toEvent(row)),
      );
    } catch (err) {
      runtime.logger.warn(
        { err, subscriber: row.subscriber, domainEventId: key.domainEventId, attempts },
        'domain event subscriber failed',
      );
      const failed = attempts >= maxAttempts;
      const afterMs = retryDelayMs(attempts, firstRetryMs);
      await updateDelivery(uow.tx, key, {
        status: failed ? 'failed' : 'pending',
        attempts,
        lastError: describe(err),
        nextAttemptAt: new Date(now.getTime() + afterMs),
      });
      return failed ? ({ kind: 'failed' } as const) : ({ kind: 'retry', afterMs } as const);
    }
    for (const h of hooks) uow.afterCommit(h);
    await updateDelivery(uow.tx, key, {
      status: 'done',
      attempts,
      lastError: null,
      processedAt: runtime.now(),
    });
    return { kind: 'done' } as const;
  });
}

/**
 * Handles due deliveries until none is left (or a job's share is done, when
 * another job is sent for the rest). A retry put off is handed to the queue to
 * run when due. Returns how many deliveries were handled (done, put off or failed).
 */
export async function dispatchDomainEvents(runtime: Runtime, options: DispatchOptions = {}): Promise<number> {
  const registry = options.registry ?? domainEventRegistry;
  let handled = 0;
  let soonestRetryMs: number | null = null;
  // Round robin: one delivery per subscriber in turn, so a long backlog of one does not starve the others.
  let busy = registry.names();
  while (busy.length && handled < PER_JOB) {
    const stillBusy: string[] = [];
    for (const name of busy) {
      const outcome = await dispatchOne(runtime, name, options);
      if (outcome.kind === 'none') continue;
      handled++;
      stillBusy.push(name);
      if (outcome.kind === 'retry') soonestRetryMs = Math.min(soonestRetryMs ?? Infinity, outcome.afterMs);
    }
    busy = stillBusy;
  }
  if (busy.length) await runtime.jobs.send(DOMAIN_EVENT_QUEUE, {}, { coalesce: true });
  if (soonestRetryMs !== null)
    await runtime.jobs.send(
      DOMAIN_EVENT_QUEUE,
      {},
      { startAfterSeconds: Math.max(1, Math.ceil(soonestRetryMs / 1000)), coalesce: true },
    );
  return handled;
}

/**
 * Registers the dispatch worker and a sweep that sends a dispatch job when due
 * deliveries are waiting (a hand-over lost between commit and send, a retry
 * whose job went missing). Returns what stops the sweep.
 */
export async function startDomainEventDispatch(
  runtime: Runtime,
  options: DispatchOptions & { sweepMs?: number } = {},
): Promise<() => void> {
  const registry = options.registry ?? domainEventRegistry;
  // One waiting dispatch job does all the work there is, so a rush of commits queues one, not one each.
  const queue = { retryLimit: 3, retryDelaySeconds: 5, coalesce: true };
  await runtime.jobs.register(DOMAIN_EVENT_QUEUE, queue, async () => {
    await dispatchDomainEvents(runtime, options);
  });
  const sweep = async () => {
    if ((await countDueDeliveries(runtime.db, registry.names(), runtime.now())) > 0)
      await runtime.jobs.send(DOMAIN_EVENT_QUEUE, {}, { coalesce: true });
  };
  const timer = setInterval(
    () => void sweep().catch((err: unknown) => runtime.logger.error({ err }, 'domain event sweep failed')),
    options.sweepMs ?? 60_000,
  );
  timer.unref();
  return () => clearInterval(timer);
}
