import { z } from 'zod';

/** A scheduled job's last run, as the platform admin sees it. */
export const scheduledJobDto = z.object({
  name: z.string(),
  periodStart: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(['running', 'ok', 'failed']),
  detail: z.string().nullable(),
  runs: z.number().int(),
});
export type ScheduledJobDto = z.infer<typeof scheduledJobDto>;

export const scheduledJobsOutput = z.object({ jobs: z.array(scheduledJobDto) });
