import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '@plenary/db';
import { sqlState } from './unique-violations';

export interface JobHandlerOptions {
  /** Attempts after the first (pg-boss retryLimit). */
  retryLimit: number;
  /** First retry delay; doubled each time (exponential backoff). */
  retryDelaySeconds: number;
  /**
   * At most one job waits at a time: a send while one is waiting is dropped (pg-boss's
   * "short" policy). For jobs that mean "there is work", whose one run does all of it.
   */
  coalesce?: boolean;
}

export type JobHandler<T> = (data: T, meta: { attempt: number; lastAttempt: boolean }) => Promise<void>;

export interface SendOptions {
  /** Holds the job back that long (a retry's wait). */
  startAfterSeconds?: number;
  /** The queue coalesces (see JobHandlerOptions.coalesce): said by senders too, so whichever creates the queue sets it. */
  coalesce?: boolean;
}

/** A PostgreSQL-backed job queue (pg-boss) on the same database as everything else. */
export interface JobQueue {
  register<T extends object>(name: string, options: JobHandlerOptions, handler: JobHandler<T>): Promise<void>;
  /** Puts a job on the queue; `startAfterSeconds` holds it back that long (a retry's wait). */
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss talks to the database through our own connection, so it works the same
 * on PGlite (one connection, no pool) and on a PostgreSQL pool. PGlite's query()
 * takes one statement; pg-boss's schema scripts are several, so those go to exec().
 */
function adapterFor(database: Database, busy: BusyCounter) {
  return {
    executeSql: (text: string, values?: unknown[]) =>
      busy.during(() =>
        database.engine === 'pglite' && (!values || values.length === 0)
          ? database.exec(text)
          : database.query(text, values),
      ),
  };
}

/**
 * Counts the queue's work in flight: its own statements (a worker's fetch among
 * them) and the handlers running. pg-boss's stop() counts a job as in progress only
 * once its fetch has returned, so a fetch in flight at stop() hands its job to a
 * handler after stop() resolved, when the caller may have closed the database.
 */
interface BusyCounter {
  during<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once nothing has been in flight for two checks in a row (or after `timeoutMs`). */
  settled(timeoutMs: number): Promise<void>;
}

function busyCounter(): BusyCounter {
  let inFlight = 0;
  return {
    async during(work) {
      inFlight++;
      try {
        return await work();
      } finally {
        inFlight--;
      }
    },
    async settled(timeoutMs) {
      // A fetch's result reaches its handler through promise callbacks only (no
      // timer), so one timer tick after the fetch ends the handler has started.
      const until = Date.now() + timeoutMs;
      let quietChecks = 0;
      while (quietChecks < 2 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 20));
        quietChecks = inFlight === 0 ? quietChecks + 1 : 0;
      }
    },
  };
}

export async function startJobQueue(
  database: Database,
  logger: Logger,
  options: { work: boolean; pollingIntervalSeconds?: number },
): Promise<JobQueue> {
  const busy = busyCounter();
  const boss = new PgBoss({
    db: adapterFor(database, busy),
    schema: 'pgboss',
    supervise: options.work,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (err: unknown) => logger.error({ err }, 'job queue error'));
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string, coalesce = false) => {
    if (created.has(name)) return;
    const policy = coalesce ? 'short' : 'standard';
    // Two processes starting together on a new database create the same queues
    // (a table partition each) at once, and PostgreSQL may kill one as a deadlock
    // (40P01) or refuse its duplicate (23505): the other made the queue, so try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, { name, policy });
        break;
      } catch (err) {
        const code = sqlState(err).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw err;
        logger.warn({ err, queue: name, attempt }, 'creating a job queue collided with another process; trying again');
        await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
      }
    }
    created.add(name);
  };
  let stopped = false;
  return {
    async register<T extends object>(name: string, opts: JobHandlerOptions, handler: JobHandler<T>) {
      await ensureQueue(name, opts.coalesce);
      // The retry policy is the queue's: set it even when a sender created the queue first.
      await boss.updateQueue(name, {
        name,
        policy: opts.coalesce ? 'short' : 'standard',
        retryLimit: opts.retryLimit,
        retryDelay: opts.retryDelaySeconds,
        retryBackoff: true,
      });
      if (!options.work) return;
      await boss.work<T>(
        name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, includeMetadata: true, batchSize: 1 },
        async (jobs: PgBoss.Job<T>[]) => {
          for (const job of jobs) {
            const meta = job as unknown as { retryCount?: number; retryLimit?: number };
            const attempt = (meta.retryCount ?? 0) + 1;
            await busy.during(() =>
              handler(job.data, { attempt, lastAttempt: attempt > (meta.retryLimit ?? opts.retryLimit) }),
            );
          }
        },
      );
    },
    async send<T extends object>(name: string, data: T, sendOptions: SendOptions = {}) {
      await ensureQueue(name, sendOptions.coalesce);
      const after = sendOptions.startAfterSeconds;
      // On a coalescing queue a job held back for later must not stand in for one
      // wanted now, so each start time waits on its own (the key is part of the rule).
      const singletonKey = sendOptions.coalesce
        ? after
          ? `at:${Math.ceil(Date.now() / 1000) + after}`
          : 'now'
        : undefined;
      await boss.send(name, data, {
        ...(after ? { startAfter: after } : {}),
        ...(singletonKey ? { singletonKey } : {}),
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
      // Then what pg-boss does not wait for: a fetch in flight and the handler it feeds.
      await busy.settled(10_000);
    },
  };
}
