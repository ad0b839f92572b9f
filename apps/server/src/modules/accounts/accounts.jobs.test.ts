import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, schema } from '@plenary/db';
import { createHarness, type TestHarness } from '../../testing/harness';
import { runScheduledJob } from '../../core/schedule';
import { accountJobs } from './accounts.jobs';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('sign-in code purge', () => {
  it('removes the codes that expired, keeps the live ones, and says how many', async () => {
    const now = h.runtime.now();
    const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await h.runtime.db.insert(schema.personSignInCodes).values([
      { email: 'old@purge.test', codeHash: 'h1', linkTokenHash: 'l1', expiresAt: at(-60) },
      { email: 'just@purge.test', codeHash: 'h2', linkTokenHash: 'l2', expiresAt: at(-1) },
      { email: 'live@purge.test', codeHash: 'h3', linkTokenHash: 'l3', expiresAt: at(10) },
    ]);
    const job = accountJobs.find((j) => j.name === 'accounts.purgeSignInCodes')!;
    expect(job.everySeconds).toBe(60 * 60);
    expect(await runScheduledJob(h.runtime, job, new Date('2026-12-02T05:00:00Z'))).toBe(true);
    const left = await h.runtime.db
      .select({ email: schema.personSignInCodes.email })
      .from(schema.personSignInCodes)
      .orderBy(asc(schema.personSignInCodes.email));
    expect(left).toEqual([{ email: 'live@purge.test' }]);
    const { jobs } = await h.caller(await h.signUp('admin@purge.test', { platformAdmin: true })).jobs.list();
    expect(jobs.find((j) => j.name === 'accounts.purgeSignInCodes')).toMatchObject({
      outcome: 'ok',
      detail: '2 sign-in codes removed',
    });
  });
});
