import { z } from 'zod';
import { procedure, router, signedInCaller } from '../trpc';
import * as s from './jobs';

export const jobsRouter = router({
  list: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Each scheduled job’s last run (time, outcome)' })
    .input(z.object({}).optional())
    .output(s.scheduledJobsOutput)
    .query(({ ctx }) => ctx.services.jobs.list(signedInCaller(ctx))),
});
