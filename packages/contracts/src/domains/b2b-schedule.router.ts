import { eventCaller, procedure, router } from '../trpc';
import { eventIdInput } from './common';
import * as s from './b2b-schedule';

const run = { kind: 'event', roles: ['owner', 'admin', 'b2b_coordinator'] } as const;

export const b2bScheduleRouter = router({
  run: procedure
    .meta({ access: run, summary: "Place the fair's wanted meetings in slots, at tables, with interpreters" })
    .input(s.runSchedulerInput)
    .output(s.schedulerRunDto)
    .mutation(({ ctx, input }) => ctx.services.b2bSchedule.run(eventCaller(ctx), input)),
  publish: procedure
    .meta({ access: run, summary: 'Publish every scheduled meeting to the companies' })
    .input(eventIdInput)
    .output(s.publishScheduleDto)
    .mutation(({ ctx }) => ctx.services.b2bSchedule.publish(eventCaller(ctx))),
});
