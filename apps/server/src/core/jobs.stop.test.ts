import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '@plenary/db/testing';
import type { Database } from '@plenary/db';
import { startJobQueue } from './jobs';

/**
 * Stopping the queue must wait for a worker that is half-way through taking a job:
 * pg-boss's own stop() counts a job as "in progress" only once its fetch has
 * returned, so a fetch still in flight when stop() is called hands the job to the
 * handler after stop() resolved, and the handler then queried a closed pool (the
 * unhandled "Cannot use a pool after calling end" that failed CI). The fetch is held
 * here until stop() has been called, so the order is certain, not timed.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The same database, with pg-boss's job fetch held until `release` is called. */
function holdingFetches(db: Database) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let fetchHeld!: () => void;
  const held = new Promise<void>((r) => (fetchHeld = r));
  const wrapped: Database = {
    ...db,
    query: async <T,>(text: string, params?: unknown[]) => {
      const isFetch = /SKIP LOCKED/i.test(text);
      const result = await db.query<T>(text, params);
      if (isFetch && result.rows.length > 0) {
        fetchHeld();
        await released;
      }
      return result;
    },
  };
  return { wrapped, held, release };
}

describe('stopping the job queue', () => {
  it('waits for the job a worker was fetching when stop() was called, and its handler', async () => {
    const { wrapped, held, release } = holdingFetches(database);
    const jobs = await startJobQueue(wrapped, pino({ level: 'silent' }), { work: true, pollingIntervalSeconds: 0.5 });
    const handled: string[] = [];
    await jobs.register<{ n: number }>('stop-test', { retryLimit: 0, retryDelaySeconds: 1 }, async (data) => {
      // A handler that talks to the database, as every real one does.
      await database.query('select 1');
      handled.push(`job ${data.n}`);
    });
    await jobs.send('stop-test', { n: 1 });
    await held;

    let stopResolved = false;
    const stopping = jobs.stop().then(() => (stopResolved = true));
    // Let pg-boss's stop() run its course while the fetch is still held.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(stopResolved).toBe(false);
    release();
    await stopping;
    expect(handled).toEqual(['job 1']);
  }, 20_000);
});
