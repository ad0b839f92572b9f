import { z } from 'zod';
import type { EventRole } from '../access';
import { rateLimits } from '../rate-limits';
import { anyCaller, eventCaller, personCaller, procedure, router } from '../trpc';
import * as s from './papers';

/** Who runs the call for papers: the event's managers and its programme chairs. */
const chairs = ['owner', 'admin', 'program_chair'] as const satisfies readonly EventRole[];

/** Staff set the call up and read the submissions. */
export const papersRouter = router({
  setup: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'The call for papers: window, tracks, types, consents',
    })
    .input(z.object({ eventId: z.uuid() }))
    .output(s.cfpSetupDto)
    .query(({ ctx }) => ctx.services.papers.setup(eventCaller(ctx))),
  saveSettings: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: "The submission window (in the event's zone), grace minutes and blind mode",
    })
    .input(s.cfpSettingsInput)
    .output(s.cfpSetupDto)
    .mutation(({ ctx, input }) => ctx.services.papers.saveSettings(eventCaller(ctx), input)),
  saveTrack: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: 'Add or rename a track' })
    .input(s.cfpTrackInput)
    .output(s.cfpTrackDto)
    .mutation(({ ctx, input }) => ctx.services.papers.saveTrack(eventCaller(ctx), input)),
  saveType: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: "A submission type's rules (pages, words, file)",
    })
    .input(s.cfpTypeInput)
    .output(s.cfpTypeDto)
    .mutation(({ ctx, input }) => ctx.services.papers.saveType(eventCaller(ctx), input)),
  publishConsent: procedure
    .meta({
      access: { kind: 'event', roles: chairs },
      summary: 'A new version of the publication or presentation consent',
    })
    .input(s.cfpConsentInput)
    .output(s.cfpConsentDto)
    .mutation(({ ctx, input }) => ctx.services.papers.publishConsent(eventCaller(ctx), input)),
  list: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: 'Submissions, a page at a time' })
    .input(s.submissionListInput)
    .output(s.submissionListOutput)
    .query(({ ctx, input }) => ctx.services.papers.list(eventCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'event', roles: chairs }, summary: 'One submission with its history' })
    .input(s.staffSubmissionInput)
    .output(s.submissionDetailDto)
    .query(({ ctx, input }) => ctx.services.papers.get(eventCaller(ctx), input)),
});

/** The public side: the open call on the event page, a co-author's confirmation link. */
export const cfpRouter = router({
  openCall: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.publicRead,
      summary: "A published event's call for papers",
    })
    .input(s.publicCallInput)
    .output(s.publicCallOutput)
    .query(({ ctx, input }) => ctx.services.cfp.openCall(anyCaller(ctx), input)),
  confirmAuthorship: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.tokenUse,
      summary: 'A co-author confirms their authorship with the emailed link',
    })
    .input(s.confirmAuthorshipInput)
    .output(z.object({ title: z.object({ ko: z.string().optional(), en: z.string().optional() }) }))
    .mutation(({ ctx, input }) => ctx.services.cfp.confirmAuthorship(anyCaller(ctx), input)),
});

/** The signed-in author's own submissions (another author's answer 404, as if missing). */
export const mySubmissionsRouter = router({
  list: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'Submissions I made or co-author',
    })
    .input(s.mySubmissionsInput)
    .output(s.submissionDto.array())
    .query(({ ctx, input }) => ctx.services.mySubmissions.list(personCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'person' }, limits: rateLimits.personHolder, summary: 'One of my submissions' })
    .input(s.submissionIdInput)
    .output(s.submissionDetailDto)
    .query(({ ctx, input }) => ctx.services.mySubmissions.get(personCaller(ctx), input)),
  reviewers: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: "The event's reviewers, to declare conflicts with",
    })
    .input(s.eventReviewersInput)
    .output(s.eventReviewerDto.array())
    .query(({ ctx, input }) => ctx.services.mySubmissions.reviewers(personCaller(ctx), input)),
  create: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'Start a submission (a draft)',
    })
    .input(s.createSubmissionInput)
    .output(s.submissionDto)
    .mutation(({ ctx, input }) => ctx.services.mySubmissions.create(personCaller(ctx), input)),
  update: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'Change my submission before the deadline',
    })
    .input(s.updateSubmissionInput)
    .output(s.submissionDto)
    .mutation(({ ctx, input }) => ctx.services.mySubmissions.update(personCaller(ctx), input)),
  uploadPdf: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.upload,
      summary: "The paper's PDF (checked: a PDF, not encrypted, within the type's size and pages)",
    })
    .input(s.uploadSubmissionPdfInput)
    .output(s.submissionDto)
    .mutation(({ ctx, input }) => ctx.services.mySubmissions.uploadPdf(personCaller(ctx), input)),
  submit: procedure
    .meta({
      access: { kind: 'person' },
      limits: rateLimits.personHolder,
      summary: 'Submit my draft, accepting the consents',
    })
    .input(s.submitSubmissionInput)
    .output(s.submissionDto)
    .mutation(({ ctx, input }) => ctx.services.mySubmissions.submit(personCaller(ctx), input)),
  withdraw: procedure
    .meta({ access: { kind: 'person' }, limits: rateLimits.personHolder, summary: 'Withdraw my submission' })
    .input(s.submissionIdInput)
    .output(s.submissionDto)
    .mutation(({ ctx, input }) => ctx.services.mySubmissions.withdraw(personCaller(ctx), input)),
});
