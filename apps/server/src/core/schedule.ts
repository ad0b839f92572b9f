import { asc, schema, sql } from '@plenary/db';
import type { Services } from '@plenary/contracts';
import type { Runtime } from './runtime';

/**
 * Scheduled work (issue 9 §8): each job has a period; every server process
 * ticks and, once per period, puts the job on the PostgreSQL job queue
 * (pg-boss), whose workers run it. Several processes mean several such jobs
 * for one period, so a run first claims the period in scheduled_job_runs (one
 * conditional upsert: only the first claim of a period moves periodStart
 * forward): the job runs once per period across all processes, and the row
 * records its last run for the platform admin. A failed run is not retried in
 * its period (pg-boss's retries find the period claimed); the next period runs it.
 */
export interface ScheduledJob {
  name: string;
  everySeconds: number;
  /** Runs the period's work; says what was done, for the record ("2 places released"). */
  run(runtime: Runtime, period: Date): Promise<string>;
}

const queueOf = (name: string) => `scheduled.${name}`;

export function periodStart(now: Date, everySeconds: number): Date {
  const ms = everySeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** True if this call claimed the period (no process has started it yet). */
export async function claimPeriod(runtime: Runtime, name: string, period: Date): Promise<boolean> {
  const now = runtime.now();
  const rows = await runtime.db
    .insert(schema.scheduledJobRuns)
    .values({ name, periodStart: period, startedAt: now, outcome: 'running', runs: 1 })
    .onConflictDoUpdate({
      target: schema.scheduledJobRuns.name,
      set: {
        periodStart: period,
        startedAt: now,
        finishedAt: null,
        outcome: 'running',
        detail: null,
        runs: sql`${schema.scheduledJobRuns.runs} + 1`,
      },
      setWhere: sql`${schema.scheduledJobRuns.periodStart} < ${period.toISOString()}`,
    })
    .returning({ name: schema.scheduledJobRuns.name });
  return rows.length === 1;
}

/** Runs the job for this period if nobody has; records the outcome. Returns whether it ran. */
export async function runScheduledJob(runtime: Runtime, job: ScheduledJob, period: Date): Promise<boolean> {
  if (!(await claimPeriod(runtime, job.name, period))) return false;
  let outcome: 'ok' | 'failed' = 'ok';
  let detail: string;
  try {
    detail = await job.run(runtime, period);
  } catch (err) {
    outcome = 'failed';
    detail = err instanceof Error ? err.message : String(err);
    runtime.logger.error({ err, job: job.name }, 'scheduled job failed');
  }
  await runtime.db
    .update(schema.scheduledJobRuns)
    .set({ finishedAt: runtime.now(), outcome, detail: detail.slice(0, 500) })
    .where(sql`${schema.scheduledJobRuns.name} = ${job.name}`);
  return true;
}

/**
 * Registers the jobs' workers and starts this process's ticks. Returns a stop
 * function. `tickMs` is how often a process looks at the clock (at most the
 * shortest period's half, so no period is missed).
 */
export async function startSchedule(
  runtime: Runtime,
  scheduled: ScheduledJob[],
  options: { tickMs?: number; everySeconds?: number | undefined } = {},
): Promise<() => void> {
  // One period for every job: a process test (PLENARY_SCHEDULE_EVERY_SECONDS), never a server in use.
  const every = options.everySeconds;
  const jobs = every ? scheduled.map((j) => ({ ...j, everySeconds: every })) : scheduled;
  for (const job of jobs)
    await runtime.jobs.register<{ period: string }>(
      queueOf(job.name),
      { retryLimit: 0, retryDelaySeconds: 1 },
      async (data) => {
        const ran = await runScheduledJob(runtime, job, new Date(data.period));
        // Every process hands each period's job to the queue; this says which hand-over ran it.
        runtime.logger.debug({ job: job.name, period: data.period, ran }, 'scheduled job handed over');
      },
    );
  const sent = new Map<string, number>();
  const tick = async () => {
    for (const job of jobs) {
      const period = periodStart(runtime.now(), job.everySeconds).getTime();
      if (sent.get(job.name) === period) continue;
      sent.set(job.name, period);
      try {
        await runtime.jobs.send(queueOf(job.name), { period: new Date(period).toISOString() });
      } catch (err) {
        sent.delete(job.name);
        runtime.logger.error({ err, job: job.name }, 'scheduling a job failed');
      }
    }
  };
  const shortest = Math.min(...jobs.map((j) => j.everySeconds * 1000));
  const timer = setInterval(() => void tick(), options.tickMs ?? Math.min(30_000, shortest / 2));
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/** Each job's last run, for the platform admin (the procedure's access rule checks who asks). */
export function createJobsService(runtime: Runtime): Services['jobs'] {
  return {
    async list() {
      const rows = await runtime.db
        .select()
        .from(schema.scheduledJobRuns)
        .orderBy(asc(schema.scheduledJobRuns.name));
      return {
        jobs: rows.map((r) => ({
          name: r.name,
          periodStart: r.periodStart.toISOString(),
          startedAt: r.startedAt.toISOString(),
          finishedAt: r.finishedAt?.toISOString() ?? null,
          outcome: r.outcome,
          detail: r.detail,
          runs: r.runs,
        })),
      };
    },
  };
}
