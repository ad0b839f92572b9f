import { rateLimits } from '../rate-limits';
import { roles } from '../access';
import { eventCaller, participantCaller, procedure, router } from '../trpc';
import { eventIdInput } from './common';
import { fileDto } from './files';
import * as s from './desk';

// The check-in desk, visa invitation letters, and generated documents (tickets, receipts, badges, letters).

/** The desk on registration day: scan a ticket or search, check in, undo. */
export const checkInRouter = router({
  scan: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      summary: 'Look up a scanned ticket; checks in at once when nothing needs attention',
    })
    .input(s.scanTicketInput)
    .output(s.checkInResultDto)
    .mutation(({ ctx, input }) => ctx.services.checkIn.scan(eventCaller(ctx), input)),
  search: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      summary: 'Up to 20 people by name, reference, email or organisation',
    })
    .input(s.checkInSearchInput)
    .output(s.checkInPersonDto.array())
    .query(({ ctx, input }) => ctx.services.checkIn.search(eventCaller(ctx), input)),
  checkIn: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
      summary: 'Only a confirmed registration',
    })
    .input(s.checkInRefInput)
    .output(s.checkInResultDto)
    .mutation(({ ctx, input }) => ctx.services.checkIn.checkIn(eventCaller(ctx), input)),
  undo: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
    })
    .input(s.checkInRefInput)
    .output(s.checkInResultDto)
    .mutation(({ ctx, input }) => ctx.services.checkIn.undo(eventCaller(ctx), input)),
  // reg8: the desk takes a fee's payment at check-in.
  takePayment: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
      summary: 'Record a payment taken at the desk (amount and method, audited), then check in',
    })
    .input(s.takePaymentInput)
    .output(s.checkInResultDto)
    .mutation(({ ctx, input }) => ctx.services.checkIn.takePayment(eventCaller(ctx), input)),
  summary: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'How many are checked in' })
    .input(eventIdInput)
    .output(s.checkInSummaryDto)
    .query(({ ctx }) => ctx.services.checkIn.summary(eventCaller(ctx))),
});

/** Visa invitation letters: participants ask, owners and admins decide and see passport data. */
export const visaRouter = router({
  request: procedure
    .meta({
      access: { kind: 'participant' },
      limits: rateLimits.linkHolder,
      summary: 'Ask for a visa invitation letter (one per registration; replaces a rejected one)',
    })
    .input(s.visaRequestInput)
    .output(s.myVisaRequestDto)
    .mutation(({ ctx, input }) => ctx.services.visa.request(participantCaller(ctx), input)),
  mine: procedure
    .meta({ access: { kind: 'participant' }, limits: rateLimits.linkHolder })
    .output(s.myVisaRequestDto.nullable())
    .query(({ ctx }) => ctx.services.visa.mine(participantCaller(ctx))),
  list: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Without passport numbers' })
    .input(s.visaListInput)
    .output(s.visaRequestRowDto.array())
    .query(({ ctx, input }) => ctx.services.visa.list(eventCaller(ctx), input)),
  get: procedure
    .meta({ access: { kind: 'event', roles: roles.passports }, summary: 'With passport data' })
    .input(s.visaRefInput)
    .output(s.visaRequestDetailDto)
    .query(({ ctx, input }) => ctx.services.visa.get(eventCaller(ctx), input)),
  decide: procedure
    .meta({
      access: { kind: 'event', roles: roles.passports },
      summary: 'Approve or reject (with a reason); the participant is emailed',
    })
    .input(s.visaDecideInput)
    .output(s.visaRequestDetailDto)
    .mutation(({ ctx, input }) => ctx.services.visa.decide(eventCaller(ctx), input)),
});

/** Generated PDFs: the participant's own, and the desk's. */
export const documentsRouter = router({
  myTicket: procedure
    .meta({
      access: { kind: 'participant' },
      limits: rateLimits.linkHolder,
      summary: 'The QR ticket, once confirmed',
    })
    .output(fileDto)
    .query(({ ctx }) => ctx.services.documents.myTicket(participantCaller(ctx))),
  myReceipt: procedure
    .meta({
      access: { kind: 'participant' },
      limits: rateLimits.linkHolder,
      summary: 'Once the fee is paid or waived',
    })
    .output(fileDto)
    .query(({ ctx }) => ctx.services.documents.myReceipt(participantCaller(ctx))),
  myVisaLetter: procedure
    .meta({
      access: { kind: 'participant' },
      limits: rateLimits.linkHolder,
      summary: 'Once the visa letter is approved',
    })
    .output(fileDto)
    .query(({ ctx }) => ctx.services.documents.myVisaLetter(participantCaller(ctx))),
  badges: procedure
    .meta({ access: { kind: 'event', roles: roles.desk }, summary: 'Name badges as one PDF' })
    .input(s.badgesInput)
    .output(fileDto)
    .mutation(({ ctx, input }) => ctx.services.documents.badges(eventCaller(ctx), input)),
  receipt: procedure
    .meta({
      access: { kind: 'event', roles: roles.desk },
      object: { kind: 'registration', from: 'registrationId' },
    })
    .input(s.receiptInput)
    .output(fileDto)
    .query(({ ctx, input }) => ctx.services.documents.receipt(eventCaller(ctx), input)),
  visaLetter: procedure
    .meta({ access: { kind: 'event', roles: roles.passports } })
    .input(s.visaRefInput)
    .output(fileDto)
    .query(({ ctx, input }) => ctx.services.documents.visaLetter(eventCaller(ctx), input)),
});
