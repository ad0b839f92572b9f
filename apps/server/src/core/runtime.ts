import type { Logger } from 'pino';
import type { Database, Db, Tx } from '@plenary/db';
import { DomainError } from '@plenary/contracts';
import type { DomainMessage } from '@plenary/contracts/domain-messages';
import type { JobQueue } from './jobs';
import { conflictFor, sqlState } from './unique-violations';

export interface RuntimeConfig {
  /** Base URL for links in emails, e.g. https://plenary.example.org */
  publicUrl: string;
  mailFrom: string;
  smtpUrl: string | undefined;
  sessionHours: number;
  /** The server key that encrypts secrets kept in the database (core/secret-key.ts). */
  secretKey: Buffer;
  /**
   * Off only in the control run of the capacity concurrency test, to show that
   * without the locks registrations oversell. Never off in a server.
   */
  capacityLocks?: boolean;
  /**
   * On only in the control run of the limit-change concurrency test: placement
   * decides on limits read before its locks and leaves options without a limit
   * unlocked, as before issue 8, to show that the test can fail. Never on in a server.
   */
  limitsReadBeforeLocks?: boolean;
  /**
   * Registrations for one event arriving together are placed in one
   * transaction, up to this many (default 64; 1 places each alone).
   */
  placementBatchSize?: number;
  /**
   * Multiplies every rate limit (default 1: the strict limits). Tests that are
   * not about limits run with a large scale so they may call freely.
   */
  rateLimitScale?: number;
  /**
   * The proof of work on the public registration form (modules/registration/altcha.ts):
   * the range of the secret counter (default 100,000; low in tests).
   */
  altchaMaxNumber?: number;
  /**
   * Off only in tests that are not about the proof of work (the harness's default),
   * so they need not solve one per registration. Never off in a server.
   */
  altchaRequired?: boolean;
  /** Requests a minute per partner key whose own limit is not set (default 120). */
  apiRequestsPerMinute?: number;
  /** Minutes an unconfirmed portal registration holds its place (default 30). */
  unverifiedHoldMinutes?: number;
  /** Largest uploaded file where its use sets no limit (default 10 MB). */
  uploadMaxBytes?: number;
  /** Hours an upload may wait for its object before the orphan job removes it (default 24). */
  orphanFileHours?: number;
}

/** What services share: the database, the job queue, configuration, a clock, a logger. */
export interface Runtime {
  database: Database;
  db: Db;
  jobs: JobQueue;
  config: RuntimeConfig;
  logger: Logger;
  now(): Date;
}

/** A transaction plus work to do once it has committed (enqueue jobs, never before). */
export interface UnitOfWork {
  tx: Tx;
  afterCommit(fn: () => unknown): void;
}

/**
 * Thrown inside a transaction when what it read before taking its locks no longer
 * holds (a limit changed meanwhile): the whole transaction is run again.
 */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RetryTransaction';
  }
}

/** Deadlock detected, serialization failure: PostgreSQL asks for the transaction to be run again. */
const retryableStates = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

/**
 * Transactions run again in this process, by reason (SQLSTATE or "retry"). A
 * deadlock hidden by a retry is still a defect of lock order: tests read this.
 */
export const transactionRetries = new Map<string, number>();

/**
 * Runs fn in one transaction. After-commit hooks run only if it committed; a
 * failing hook is logged, not thrown, because the change itself is already saved
 * (the outbox sweeper re-enqueues anything a hook failed to hand over).
 * A unique violation becomes a 409 with a message naming the field. A deadlock,
 * a serialization failure or a RetryTransaction runs the whole function again
 * (a few times at most), with fresh after-commit hooks.
 */
export async function inTransaction<T>(runtime: Runtime, fn: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const hooks: Array<() => unknown> = [];
    let result: T;
    try {
      result = await runtime.db.transaction(async (tx) => fn({ tx, afterCommit: (h) => hooks.push(h) }));
    } catch (err) {
      const state = err instanceof RetryTransaction ? 'retry' : (sqlState(err).code ?? '');
      const retry = state === 'retry' || retryableStates.has(state);
      if (retry) transactionRetries.set(state, (transactionRetries.get(state) ?? 0) + 1);
      if (retry && attempt < MAX_ATTEMPTS) {
        runtime.logger.warn({ err, attempt }, 'transaction run again');
        continue;
      }
      const conflict = conflictFor(err);
      if (conflict) throw conflict;
      throw err;
    }
    for (const hook of hooks) {
      try {
        await hook();
      } catch (err) {
        runtime.logger.error({ err }, 'after-commit hook failed');
      }
    }
    return result;
  }
}

/** The subjects notFound is called with, each worded by key (the same English). */
const notFoundWords = {
  'The registration': { key: 'theRegistrationWasNotFound' },
  'A registration': { key: 'aRegistrationWasNotFound' },
  'The event': { key: 'theEventWasNotFound' },
  'The partner': { key: 'thePartnerWasNotFound' },
  'The visa letter request': { key: 'visaRequestNotFound' },
  'The webhook subscription': { key: 'webhookNotFound' },
  'The delivery': { key: 'webhookDeliveryNotFound' },
} as const satisfies Record<string, DomainMessage>;

/** "X was not found", by key (a subject without one is a type error, not English-only words). */
export function notFound(what: keyof typeof notFoundWords): DomainError {
  return new DomainError('NOT_FOUND', notFoundWords[what]);
}
