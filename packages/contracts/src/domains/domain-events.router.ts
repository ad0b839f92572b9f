import { procedure, router, signedInCaller } from '../trpc';
import * as s from './domain-events';

export const domainEventsRouter = router({
  list: procedure
    .meta({
      access: { kind: 'platformAdmin' },
      summary: 'Recorded domain events, newest first, with each subscriber’s state (read-only)',
    })
    .input(s.domainEventsListInput)
    .output(s.domainEventsListOutput)
    .query(({ ctx, input }) => ctx.services.domainEvents.list(signedInCaller(ctx), input)),
});
