import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '@plenary/db/testing';
import { createHarness, type TestHarness } from '../testing/harness';
import { claimPeriod, periodStart, runScheduledJob, startSchedule, type ScheduledJob } from './schedule';

const harnesses: TestHarness[] = [];
afterAll(async () => {
  for (const h of harnesses.reverse()) await h.close();
});

describe('scheduled jobs', () => {
  it('claims a period once, records each run’s outcome, and shows it to the platform admin only', async () => {
    const h = await createHarness();
    harnesses.push(h);
    const p1 = new Date('2026-12-02T01:00:00Z');
    const p2 = new Date('2026-12-02T01:01:00Z');
    expect([
      await claimPeriod(h.runtime, 'claims', p1),
      await claimPeriod(h.runtime, 'claims', p1),
      await claimPeriod(h.runtime, 'claims', p2),
      await claimPeriod(h.runtime, 'claims', p1),
    ]).toEqual([true, false, true, false]);
    const failing: ScheduledJob = {
      name: 'failing',
      everySeconds: 60,
      run: () => Promise.reject(new Error('mail server down')),
    };
    expect(await runScheduledJob(h.runtime, failing, p1)).toBe(true);
    expect(await runScheduledJob(h.runtime, failing, p1)).toBe(false);
    const ok: ScheduledJob = { name: 'ok', everySeconds: 60, run: () => Promise.resolve('2 places released') };
    await runScheduledJob(h.runtime, ok, p1);
    await runScheduledJob(h.runtime, ok, p2);
    const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
    const staff = await h.signUp('staff@plenary.test');
    const { jobs } = await h.caller(admin).jobs.list();
    expect(jobs.map((j) => [j.name, j.outcome, j.detail, j.runs, j.periodStart])).toEqual([
      ['claims', 'running', null, 2, p2.toISOString()],
      ['failing', 'failed', 'mail server down', 1, p1.toISOString()],
      ['ok', 'ok', '2 places released', 2, p2.toISOString()],
    ]);
    await expect(h.caller(staff).jobs.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.runIf(testEngine() === 'postgres')(
    'runs once per period with two server processes on one database; each process’s own timer ran it twice (control)',
    async () => {
      const a = await createHarness({ work: true, poolSize: 4 });
      const b = await createHarness({ work: true, poolSize: 4, sameDatabaseAs: a });
      harnesses.push(a, b);
      const runs: Array<{ by: string; period: number }> = [];
      const job = (by: string): ScheduledJob => ({
        name: 'tick',
        everySeconds: 2,
        run: (_runtime, period) => {
          runs.push({ by, period: period.getTime() });
          return Promise.resolve('ticked');
        },
      });
      const stops = [
        await startSchedule(a.runtime, [job('a')], { tickMs: 100 }),
        await startSchedule(b.runtime, [job('b')], { tickMs: 100 }),
      ];
      await new Promise((r) => setTimeout(r, 9_000));
      for (const stop of stops) stop();
      const periods = runs.map((r) => r.period);
      console.info(`scheduled: ${runs.length} runs over ${new Set(periods).size} periods`);
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(new Set(periods).size).toBe(periods.length);

      // Control: a timer in each process (as before) runs the job in both, each period.
      const control: number[] = [];
      const timers = [a, b].map((h) =>
        setInterval(() => control.push(periodStart(h.runtime.now(), 2).getTime()), 2_000),
      );
      await new Promise((r) => setTimeout(r, 4_500));
      for (const t of timers) clearInterval(t);
      expect(new Set(control).size).toBeLessThan(control.length);
    },
    60_000,
  );
});
