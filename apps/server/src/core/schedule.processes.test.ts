import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '@plenary/db/testing';
import { schema } from '@plenary/db';
import { startServerProcess, type ServerProcess } from '../testing/process';

/**
 * Issue 9 §8, "two server processes on one PostgreSQL: a scheduled job runs once
 * per period, not twice", with real processes (schedule.test.ts shares one
 * process between two harnesses). Each process logs, at debug level, every
 * period's job it took from the queue and whether it ran it.
 */
let database: TestDatabase | null = null;
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
  await database?.close();
});

interface HandOver {
  by: string;
  job: string;
  period: string;
  ran: boolean;
}

function handOvers(by: string, output: string): HandOver[] {
  return output
    .split('\n')
    .filter((line) => line.includes('"scheduled job handed over"'))
    .map((line) => {
      const entry = JSON.parse(line) as { job: string; period: string; ran: boolean };
      return { by, job: entry.job, period: entry.period, ran: entry.ran };
    });
}

describe('the schedule across server processes', () => {
  it.runIf(testEngine() === 'postgres')(
    'runs each job once per period with two server processes on one PostgreSQL; both handed each period over (control: without the claim, twice)',
    async () => {
      database = await createTestDatabase({ poolSize: 1 });
      const env = {
        DATABASE_URL: database.url!,
        LOG_LEVEL: 'debug',
        PLENARY_SCHEDULE_EVERY_SECONDS: '2',
        PLENARY_ADMIN_EMAIL: 'admin@kicox.example',
        PLENARY_ADMIN_PASSWORD: 'scheduled-password-2015',
      };
      // One after the other: two first starts at once race to create the first admin (its own issue).
      const a = await startServerProcess(env);
      servers.push(a);
      const b = await startServerProcess(env);
      servers.push(b);
      await new Promise((r) => setTimeout(r, 12_000));
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);

      const all = [...handOvers('a', a.output()), ...handOvers('b', b.output())];
      const key = (h: HandOver) => `${h.job} ${h.period}`;
      const runs = all.filter((h) => h.ran).map(key);
      const periods = new Set(all.map(key));
      console.info(
        `two processes: ${all.length} hand-overs, ${runs.length} runs, ${periods.size} job periods; ` +
          `runs by a ${all.filter((h) => h.ran && h.by === 'a').length}, by b ${all.filter((h) => h.ran && h.by === 'b').length}`,
      );
      // Three jobs over about six periods each.
      expect(runs.length).toBeGreaterThanOrEqual(9);
      expect(new Set(runs).size).toBe(runs.length);
      // Every period that was handed over ran, once.
      expect(new Set(runs)).toEqual(periods);
      // Control: both processes handed most periods over, so without the claim they would have run twice.
      expect(all.length).toBeGreaterThan(periods.size + 3);
      // The record the platform admin sees counts the same runs.
      const recorded = await database.db.select().from(schema.scheduledJobRuns);
      const runsOf = (job: string) => runs.filter((r) => r.startsWith(`${job} `)).length;
      expect(recorded.map((r) => [r.name, r.runs]).sort()).toEqual(
        recorded.map((r) => [r.name, runsOf(r.name)]).sort(),
      );
    },
    120_000,
  );
});
