import type { Expected } from './expected';

/** The fair's scheduler: run and publish by those who run the fair. */
const run = ['owner', 'admin', 'b2b_coordinator'] as const;

export const b2bScheduleAccess: Record<string, Expected> = {
  'b2bSchedule.run': run,
  'b2bSchedule.publish': run,
};
