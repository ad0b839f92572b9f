import { rateLimits } from '../rate-limits';
import { roles } from '../access';
import { anyCaller, eventCaller, procedure, router, signedInCaller } from '../trpc';
import { eventIdInput } from './common';
import * as s from './events';

export const eventsRouter = router({
  listMine: procedure
    .meta({
      access: { kind: 'signedIn' },
      summary: 'Events whose team the user is on (all events for a platform admin)',
    })
    .input(s.listEventsInput)
    .output(s.eventDto.array())
    .query(({ ctx, input }) => ctx.services.events.listMine(signedInCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'event', roles: roles.team } })
    .input(eventIdInput)
    .output(s.eventDto)
    .query(({ ctx }) => ctx.services.events.get(eventCaller(ctx))),
  create: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Create an event; the creator becomes its owner' })
    .input(s.createEventInput)
    .output(s.eventDto)
    .mutation(({ ctx, input }) => ctx.services.events.create(signedInCaller(ctx), input)),
  update: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.updateEventInput)
    .output(s.eventDto)
    .mutation(({ ctx, input }) => ctx.services.events.update(eventCaller(ctx), input)),
  transition: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'Publish, close, archive or reopen' })
    .input(s.transitionEventInput)
    .output(s.eventDto)
    .mutation(({ ctx, input }) => ctx.services.events.transition(eventCaller(ctx), input)),
});

/** What the public portal reads: published (and closed) events only. */
export const portalRouter = router({
  events: procedure
    .meta({ access: { kind: 'public' }, limits: rateLimits.publicRead })
    .output(s.publicEventDto.array())
    .query(({ ctx }) => ctx.services.events.listPublished(anyCaller(ctx))),
  event: procedure
    .meta({ access: { kind: 'public' }, limits: rateLimits.publicRead })
    .input(s.publicEventBySlugInput)
    .output(s.publicEventDto)
    .query(({ ctx, input }) => ctx.services.events.getPublishedBySlug(anyCaller(ctx), input)),
});
