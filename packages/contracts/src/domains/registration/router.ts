import { rateLimits } from '../../rate-limits';
import { z } from 'zod';
import { roles } from '../../access';
import { anyCaller, delegationCaller, eventCaller, participantCaller, procedure, router } from '../../trpc';
import { eventIdInput } from '../common';
import * as s from './index';

const ok = z.void();

/** Staff set registration up: rules, form, categories, options, codes, consent texts. */
export const registrationSetupRouter = router({
  settings: procedure
    .meta({ access: { kind: 'event', roles: roles.team } })
    .input(eventIdInput)
    .output(s.registrationSettingsDto)
    .query(({ ctx }) => ctx.services.registrationSetup.getSettings(eventCaller(ctx))),
  updateSettings: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.updateRegistrationSettingsInput)
    .output(s.registrationSettingsDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.updateSettings(eventCaller(ctx), input)),
  updateForm: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      summary: 'Standard fields and custom questions of the form',
    })
    .input(s.updateRegistrationFormInput)
    .output(s.registrationSettingsDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.updateForm(eventCaller(ctx), input)),
  categories: procedure
    .meta({ access: { kind: 'event', roles: roles.team } })
    .input(eventIdInput)
    .output(s.categoryDto.array())
    .query(({ ctx }) => ctx.services.registrationSetup.listCategories(eventCaller(ctx))),
  createCategory: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.createCategoryInput)
    .output(s.categoryDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.createCategory(eventCaller(ctx), input)),
  updateCategory: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      object: { kind: 'category', from: 'categoryId' },
    })
    .input(s.updateCategoryInput)
    .output(s.categoryDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.updateCategory(eventCaller(ctx), input)),
  deleteCategory: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      object: { kind: 'category', from: 'categoryId' },
      summary: 'Only a category nobody has registered in',
    })
    .input(s.categoryRefInput)
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.deleteCategory(eventCaller(ctx), input)),
  options: procedure
    .meta({ access: { kind: 'event', roles: roles.team } })
    .input(eventIdInput)
    .output(s.optionDto.array())
    .query(({ ctx }) => ctx.services.registrationSetup.listOptions(eventCaller(ctx))),
  createOption: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.createOptionInput)
    .output(s.optionDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.createOption(eventCaller(ctx), input)),
  updateOption: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, object: { kind: 'option', from: 'optionId' } })
    .input(s.updateOptionInput)
    .output(s.optionDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.updateOption(eventCaller(ctx), input)),
  deleteOption: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      object: { kind: 'option', from: 'optionId' },
      summary: 'Only an option nobody has chosen',
    })
    .input(s.optionRefInput)
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.deleteOption(eventCaller(ctx), input)),
  codes: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(eventIdInput)
    .output(s.invitationCodeDto.array())
    .query(({ ctx }) => ctx.services.registrationSetup.listCodes(eventCaller(ctx))),
  createCode: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      object: { kind: 'category', from: 'categoryId' },
    })
    .input(s.createInvitationCodeInput)
    .output(s.invitationCodeDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.createCode(eventCaller(ctx), input)),
  revokeCode: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      object: { kind: 'invitationCode', from: 'codeId' },
    })
    .input(s.invitationCodeRefInput)
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.revokeCode(eventCaller(ctx), input)),
  consents: procedure
    .meta({ access: { kind: 'event', roles: roles.team } })
    .input(eventIdInput)
    .output(s.consentVersionDto.array())
    .query(({ ctx }) => ctx.services.registrationSetup.listConsents(eventCaller(ctx))),
  publishConsent: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      summary: 'A new version of the privacy or photography text',
    })
    .input(s.publishConsentInput)
    .output(s.consentVersionDto)
    .mutation(({ ctx, input }) => ctx.services.registrationSetup.publishConsent(eventCaller(ctx), input)),
});

/** Staff run registration: the participant list, decisions, payments, the waiting list. */
export const registrationsRouter = router({
  list: procedure
    .meta({ access: { kind: 'event', roles: roles.desk } })
    .input(s.registrationListInput)
    .output(s.registrationListOutput)
    .query(({ ctx, input }) => ctx.services.registrations.list(eventCaller(ctx), input)),
  get: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
    })
    .input(s.registrationRefInput)
    .output(s.registrationDetailDto)
    .query(({ ctx, input }) => ctx.services.registrations.get(eventCaller(ctx), input)),
  create: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Register someone by hand' })
    .input(s.staffRegisterInput)
    .output(s.registrationDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.create(eventCaller(ctx), input)),
  update: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
    })
    .input(s.updateParticipantInput)
    .output(s.registrationDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.update(eventCaller(ctx), input)),
  approve: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      summary: 'Approve registrations awaiting approval',
    })
    .input(s.decideRegistrationsInput)
    .output(s.bulkOutcomeDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.approve(eventCaller(ctx), input)),
  reject: procedure
    .meta({ access: { kind: 'event', roles: roles.desk } })
    .input(s.decideRegistrationsInput)
    .output(s.bulkOutcomeDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.reject(eventCaller(ctx), input)),
  cancel: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
    })
    .input(s.cancelRegistrationInput)
    .output(s.registrationDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.cancel(eventCaller(ctx), input)),
  setPayment: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
      summary: 'Record a payment as paid or waived, with a reference',
    })
    .input(s.setPaymentInput)
    .output(s.registrationDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.setPayment(eventCaller(ctx), input)),
  emailMany: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'Email the chosen participants' })
    .input(s.bulkEmailInput)
    .output(s.bulkOutcomeDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.emailMany(eventCaller(ctx), input)),
  waitlist: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, object: { kind: 'category', from: 'categoryId' } })
    .input(s.waitlistInput)
    .output(s.waitlistEntryDto.array())
    .query(({ ctx, input }) => ctx.services.registrations.waitlist(eventCaller(ctx), input)),
  moveInWaitlist: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      object: [
        { kind: 'registration', from: 'registrationId' },
        { kind: 'registration', from: 'beforeId' },
        { kind: 'option', from: 'optionId' },
      ],
    })
    .input(s.moveInWaitlistInput)
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.registrations.moveInWaitlist(eventCaller(ctx), input)),
  offerNow: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      summary: 'Offer a waiting registration a place now (adding one to a full category when asked)',
    })
    .input(s.offerNowInput)
    .output(s.registrationDto)
    .mutation(({ ctx, input }) => ctx.services.registrations.offerNow(eventCaller(ctx), input)),
  stats: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Totals for the dashboard' })
    .input(eventIdInput)
    .output(s.registrationStatsDto)
    .query(({ ctx }) => ctx.services.registrations.stats(eventCaller(ctx))),
});

/** Participants register on the portal, without an account. */
export const portalRegistrationRouter = router({
  form: procedure
    .meta({ access: { kind: 'public' }, limits: rateLimits.registrationForm })
    .input(s.registrationFormInput)
    .output(s.registrationFormDto)
    .query(({ ctx, input }) => ctx.services.portalRegistration.form(anyCaller(ctx), input)),
  altchaChallenge: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.altchaChallenge,
      summary: 'A proof-of-work challenge; register takes its solution',
    })
    .output(s.altchaChallengeDto)
    .query(({ ctx }) => ctx.services.portalRegistration.altchaChallenge(anyCaller(ctx))),
  register: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.register,
      summary: 'Register; the personal link is emailed',
    })
    .input(s.registerInput)
    .output(s.registrationReceiptDto)
    .mutation(({ ctx, input }) => ctx.services.portalRegistration.register(anyCaller(ctx), input)),
  resendLink: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.resendLink,
      summary: 'Email the personal link again (says nothing about whether the address is registered)',
    })
    .input(s.resendLinkInput)
    .output(ok)
    .mutation(({ ctx, input }) => ctx.services.portalRegistration.resendLink(anyCaller(ctx), input)),
  uploadFile: procedure
    .meta({
      access: { kind: 'public' },
      limits: rateLimits.upload,
      summary: 'A file for a file question (PDF, JPEG or PNG, checked by content)',
    })
    .input(s.uploadFileInput)
    .output(s.uploadedFileDto)
    .mutation(({ ctx, input }) => ctx.services.portalRegistration.uploadFile(anyCaller(ctx), input)),
});

/** A participant's own page, opened by the emailed link. */
export const myRegistrationRouter = router({
  get: procedure
    .meta({ access: { kind: 'participant' }, limits: rateLimits.linkHolder })
    .output(s.myRegistrationDto)
    .query(({ ctx }) => ctx.services.myRegistration.get(participantCaller(ctx))),
  verifyEmail: procedure
    .meta({
      access: { kind: 'participant' },
      limits: rateLimits.verifyEmail,
      summary: 'Opening the emailed link proves the address',
    })
    .output(s.myRegistrationDto)
    .mutation(({ ctx }) => ctx.services.myRegistration.verifyEmail(participantCaller(ctx))),
  update: procedure
    .meta({ access: { kind: 'participant' }, limits: rateLimits.linkHolder })
    .input(s.updateMyRegistrationInput)
    .output(s.myRegistrationDto)
    .mutation(({ ctx, input }) => ctx.services.myRegistration.update(participantCaller(ctx), input)),
  correctName: procedure
    .meta({
      access: { kind: 'participant' },
      limits: rateLimits.linkHolder,
      summary: 'Correct the name (Roman letters as in the passport, and the local name) until the cutoff',
    })
    .input(s.correctMyNameInput)
    .output(s.myRegistrationDto)
    .mutation(({ ctx, input }) => ctx.services.myRegistration.correctName(participantCaller(ctx), input)),
  cancel: procedure
    .meta({ access: { kind: 'participant' }, limits: rateLimits.linkHolder })
    .input(s.cancelMyRegistrationInput)
    .output(s.myRegistrationDto)
    .mutation(({ ctx, input }) => ctx.services.myRegistration.cancel(participantCaller(ctx), input)),
  acceptOffer: procedure
    .meta({ access: { kind: 'participant' }, limits: rateLimits.linkHolder })
    .output(s.myRegistrationDto)
    .mutation(({ ctx }) => ctx.services.myRegistration.acceptOffer(participantCaller(ctx))),
  declineOffer: procedure
    .meta({ access: { kind: 'participant' }, limits: rateLimits.linkHolder })
    .output(s.myRegistrationDto)
    .mutation(({ ctx }) => ctx.services.myRegistration.declineOffer(participantCaller(ctx))),
});

export const delegationsRouter = router({
  list: procedure
    .meta({ access: { kind: 'event', roles: roles.desk } })
    .input(s.delegationListInput)
    .output(s.delegationSummaryDto.array())
    .query(({ ctx }) => ctx.services.delegations.list(eventCaller(ctx))),
  get: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'delegation', from: 'delegationId' },
    })
    .input(s.delegationRefInput)
    .output(s.delegationDto)
    .query(({ ctx, input }) => ctx.services.delegations.get(eventCaller(ctx), input)),
  create: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Register a group in one go' })
    .input(s.createDelegationInput)
    .output(s.delegationDto)
    .mutation(({ ctx, input }) => ctx.services.delegations.create(eventCaller(ctx), input)),
  mine: procedure
    .meta({ access: { kind: 'delegationContact' }, limits: rateLimits.linkHolder })
    .output(s.delegationDto)
    .query(({ ctx }) => ctx.services.delegations.mine(delegationCaller(ctx))),
  cancelMember: procedure
    .meta({
      access: { kind: 'delegationContact' },
      object: { kind: 'registration', from: 'registrationId' },
      limits: rateLimits.linkHolder,
    })
    .input(s.cancelDelegateInput)
    .output(s.delegationDto)
    .mutation(({ ctx, input }) => ctx.services.delegations.cancelMember(delegationCaller(ctx), input)),
});
