import { z } from 'zod';
import type { EventCaller } from '../context';
import { eventIdInput, idSchema } from './common';

/**
 * Running the fair's scheduler: every wanted meeting (an approved or forced pair
 * without a meeting yet) is placed in a slot, at a table, with an interpreter where
 * the two companies share no language. Meetings that exist stay where they are.
 */
export const runSchedulerInput = eventIdInput.extend({
  /** The tie-breaking seed: the same fair and seed give the same schedule. */
  seed: z.number().int().min(1).max(1_000_000).default(1),
});

export const unplacedReasonSchema = z.enum([
  'company_busy',
  'no_table',
  'no_interpreter',
  'company_cap',
  'infeasible',
]);

export const schedulerRunDto = z.object({
  /** New meetings written, status "scheduled". */
  placed: z.number().int(),
  /** Meetings that existed and were kept in place. */
  kept: z.number().int(),
  unplaced: z.array(z.object({ prematchId: idSchema, reason: unplacedReasonSchema })),
  /** Idle slots between a company's first and last meeting, summed over companies. */
  idleGaps: z.number().int(),
});
export type SchedulerRunDto = z.infer<typeof schedulerRunDto>;

export const publishScheduleDto = z.object({ published: z.number().int() });

export interface B2bScheduleServices {
  b2bSchedule: {
    run(caller: EventCaller, input: z.infer<typeof runSchedulerInput>): Promise<SchedulerRunDto>;
    /** Every "scheduled" meeting becomes "published": companies see it and it is kept by later runs. */
    publish(caller: EventCaller): Promise<z.infer<typeof publishScheduleDto>>;
  };
}
