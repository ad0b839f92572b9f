import { z } from 'zod';
import { roles } from '../access';
import { rateLimits, type RateLimitRule } from '../rate-limits';
import { anyCaller, eventCaller, partnerCaller, personCaller, procedure, router } from '../trpc';
import * as s from './agreements';

/**
 * An event's agreements in the console: the organisers (the team but its reviewers,
 * who are often outside academics) read and comment on them; the desk
 * roles (owner, admin, staff) draft texts, parties and follow-ups; the managers
 * (owner, admin) move the life cycle and choose what the public registry shows.
 */
export const agreementsRouter = router({
  list: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers }, summary: "The event's MOUs and declarations" })
    .input(s.listAgreementsInput)
    .output(s.agreementSummaryDto.array())
    .query(({ ctx, input }) => ctx.services.agreements.list(eventCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers } })
    .input(s.agreementIdInput)
    .output(s.agreementDto)
    .query(({ ctx, input }) => ctx.services.agreements.get(eventCaller(ctx), input)),
  create: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Draft an MOU or a joint declaration' })
    .input(s.createAgreementInput)
    .output(s.agreementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.create(eventCaller(ctx), input)),
  update: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Change titles, purpose, scope, dates, owner' })
    .input(s.updateAgreementInput)
    .output(s.agreementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.update(eventCaller(ctx), input)),
  setParties: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Set the parties, signatories and witnesses' })
    .input(s.setPartiesInput)
    .output(s.agreementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.setParties(eventCaller(ctx), input)),
  saveText: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Save the clauses as a new version' })
    .input(s.saveTextInput)
    .output(s.versionSummaryDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.saveText(eventCaller(ctx), input)),
  transition: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'Move an agreement through its life cycle' })
    .input(s.transitionAgreementInput)
    .output(s.agreementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.transition(eventCaller(ctx), input)),
  setPublished: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'Show or hide it on the public registry' })
    .input(s.setPublishedInput)
    .output(s.agreementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.setPublished(eventCaller(ctx), input)),
  versions: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers } })
    .input(s.agreementIdInput)
    .output(s.versionSummaryDto.array())
    .query(({ ctx, input }) => ctx.services.agreements.versions(eventCaller(ctx), input)),
  version: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers } })
    .input(s.versionInput)
    .output(s.versionDto)
    .query(({ ctx, input }) => ctx.services.agreements.version(eventCaller(ctx), input)),
  redline: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers }, summary: 'What changed between two versions' })
    .input(s.redlineInput)
    .output(s.redlineOutput)
    .query(({ ctx, input }) => ctx.services.agreements.redline(eventCaller(ctx), input)),
  comments: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers } })
    .input(s.agreementIdInput)
    .output(s.commentDto.array())
    .query(({ ctx, input }) => ctx.services.agreements.comments(eventCaller(ctx), input)),
  addComment: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers }, summary: 'Comment on a clause' })
    .input(s.addCommentInput)
    .output(s.commentDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.addComment(eventCaller(ctx), input)),
  addAction: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Add a follow-up action' })
    .input(s.addActionInput)
    .output(s.agreementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.addAction(eventCaller(ctx), input)),
  updateAction: procedure
    .meta({ access: { kind: 'event', roles: roles.desk } })
    .input(s.updateActionInput)
    .output(s.agreementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.updateAction(eventCaller(ctx), input)),
  endorsements: procedure
    .meta({ access: { kind: 'event', roles: roles.organisers } })
    .input(s.agreementIdInput)
    .output(s.endorsementDto.array())
    .query(({ ctx, input }) => ctx.services.agreements.endorsements(eventCaller(ctx), input)),
  verifyEndorsement: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Verify or reject an endorsement' })
    .input(s.verifyEndorsementInput)
    .output(s.endorsementDto)
    .mutation(({ ctx, input }) => ctx.services.agreements.verifyEndorsement(eventCaller(ctx), input)),
  organisations: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Find organisations to name as parties' })
    .input(s.searchOrganisationsInput)
    .output(s.organisationOptionDto.array())
    .query(({ ctx, input }) => ctx.services.agreements.organisations(eventCaller(ctx), input)),
});

/** Each endorsement waits for staff: a few an hour from one client is plenty. */
const endorseLimits: readonly RateLimitRule[] = [{ per: 'ip', max: 10, windowSeconds: 3600 }];

/** The public registry of an event: what the organiser published, nothing else. */
export const portalAgreementsRouter = router({
  registry: procedure
    .meta({ access: { kind: 'public' }, limits: rateLimits.publicRead })
    .input(s.publicRegistryInput)
    .output(s.publicAgreementSummaryDto.array())
    .query(({ ctx, input }) => ctx.services.portalAgreements.registry(anyCaller(ctx), input)),
  agreement: procedure
    .meta({ access: { kind: 'public' }, limits: rateLimits.publicRead })
    .input(s.publicAgreementInput)
    .output(s.publicAgreementDto)
    .query(({ ctx, input }) => ctx.services.portalAgreements.agreement(anyCaller(ctx), input)),
  endorse: procedure
    .meta({ access: { kind: 'person' }, limits: endorseLimits, summary: 'Endorse an adopted declaration' })
    .input(s.endorseInput)
    .output(s.endorseOutput)
    .mutation(({ ctx, input }) => ctx.services.portalAgreements.endorse(personCaller(ctx), input)),
});

/** The partner API's read of the public registry (served at /api/v1). */
export const agreementsApiRouter = router({
  registry: procedure
    .meta({
      access: { kind: 'partner', scope: 'agreements:read' },
      limits: rateLimits.partner,
      summary: "The event's published MOUs and adopted declarations",
      openapi: {
        method: 'GET',
        path: '/events/{eventId}/agreements',
        protect: true,
        tags: ['Agreements'],
        summary: "The event's published MOUs and adopted declarations",
        errorResponses: {
          400: 'Not valid: error.fields names each field at fault',
          401: 'No API key, or an unknown or revoked one',
          403: 'The API key lacks the scope',
          404: "No such event, or not this key's",
          429: 'Too many requests for this key: wait for Retry-After seconds',
        },
      },
    })
    .input(s.apiRegistryInput)
    .output(z.array(s.publicAgreementSummaryDto))
    .query(({ ctx }) => ctx.services.agreementsApi.registry(partnerCaller(ctx))),
});
