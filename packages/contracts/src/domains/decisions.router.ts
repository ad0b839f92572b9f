import type { EventRole } from '../access';
import { rateLimits } from '../rate-limits';
import { eventCaller, partnerCaller, personCaller, procedure, router } from '../trpc';
import * as s from './decisions';

/** Decisions are the programme chairs' and the event's managers', as the call for papers. */
const chairs = ['owner', 'admin', 'program_chair'] as const satisfies readonly EventRole[];

export const decisionsRouter = router({
  kinds: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'Decision kinds: built-in and the event’s own',
    })
    .input(s.decisionKindsInput)
    .output(s.decisionKindDto.array())
    .query(({ ctx }) => ctx.services.decisions.kinds(eventCaller(ctx))),
  saveKind: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: 'Add or rename a custom decision kind' })
    .input(s.saveDecisionKindInput)
    .output(s.decisionKindDto)
    .mutation(({ ctx, input }) => ctx.services.decisions.saveKind(eventCaller(ctx), input)),
  list: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: 'Submitted papers with their decision' })
    .input(s.decisionKindsInput)
    .output(s.decisionListOutput)
    .query(({ ctx }) => ctx.services.decisions.list(eventCaller(ctx))),
  record: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'Record a pending decision on one or many submissions',
    })
    .input(s.recordDecisionsInput)
    .output(s.recordDecisionsOutput)
    .mutation(({ ctx, input }) => ctx.services.decisions.record(eventCaller(ctx), input)),
  previewMail: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'The notices release would send for one submission, before sending',
    })
    .input(s.previewDecisionMailInput)
    .output(s.previewDecisionMailOutput)
    .query(({ ctx, input }) => ctx.services.decisions.previewMail(eventCaller(ctx), input)),
  presenters: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: "Accepted papers' presenting authors and their registration for the event",
    })
    .input(s.decisionKindsInput)
    .output(s.presenterRowDto.array())
    .query(({ ctx }) => ctx.services.decisions.presenters(eventCaller(ctx))),
  release: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'Release every pending decision of the event together',
    })
    .input(s.releaseDecisionsInput)
    .output(s.releaseDecisionsOutput)
    .mutation(({ ctx }) => ctx.services.decisions.release(eventCaller(ctx))),
});

/** The author's side: a decision shows only once released. */
export const myDecisionsRouter = router({
  get: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'The released decision on one of my submissions',
    })
    .input(s.myDecisionInput)
    .output(s.myDecisionOutput)
    .query(({ ctx, input }) => ctx.services.myDecisions.get(personCaller(ctx), input)),
  uploadCameraReady: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.upload,
      summary: "An accepted paper's camera-ready PDF (checked as the submission's)",
    })
    .input(s.uploadCameraReadyInput)
    .output(s.myDecisionDto)
    .mutation(({ ctx, input }) => ctx.services.myDecisions.uploadCameraReady(personCaller(ctx), input)),
  confirmPresenter: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'Confirm the presenting author of my accepted paper will register',
    })
    .input(s.myDecisionInput)
    .output(s.myDecisionDto)
    .mutation(({ ctx, input }) => ctx.services.myDecisions.confirmPresenter(personCaller(ctx), input)),
});

/** The partner API's read of the programme (also at /api/v1 from the OpenAPI meta). */
export const programmeApiRouter = router({
  acceptedPapers: procedure
    .meta({
      access: { kind: 'partner', scope: 'programme:read' },
      limits: rateLimits.partner,
      summary: "The event's accepted papers, once the decisions are released",
      openapi: {
        method: 'GET',
        path: '/events/{eventId}/programme/papers',
        protect: true,
        tags: ['Programme'],
        summary: "The event's accepted papers, once the decisions are released (an empty list before)",
        errorResponses: {
          400: 'Not valid: error.fields names each field at fault',
          401: 'No API key, or an unknown or revoked one',
          403: 'The API key lacks the scope',
          404: "No such event, or not this key's",
          429: 'Too many requests for this key: wait for Retry-After seconds',
        },
      },
    })
    .input(s.apiProgrammeInput)
    .output(s.apiAcceptedPaperDto.array())
    .query(({ ctx }) => ctx.services.programmeApi.acceptedPapers(partnerCaller(ctx))),
});
