import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The last run of each scheduled job (expiring lapsed places, erasing passport
 * data, ...). The row is also the claim: a process runs a period's job only if
 * it moves `periodStart` forward, so with several server processes the job
 * runs once per period.
 */
export const scheduledJobRuns = pgTable('scheduled_job_runs', {
  name: text('name').primaryKey(),
  /** Start of the period last claimed. */
  periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** running, ok or failed. */
  outcome: text('outcome').$type<'running' | 'ok' | 'failed'>().notNull(),
  /** What the run did ("3 places released") or why it failed. */
  detail: text('detail'),
  runs: integer('runs').notNull().default(1),
});
