import { z } from 'zod';
import type { EventCaller, ParticipantCaller } from '../context';
import { idSchema } from './common';
import type { fileDto } from './files';
import { msg } from '../messages';
import {
  countrySchema,
  romanName,
  registrationStatuses,
  paymentStatuses,
  type RegistrationStatus,
} from './registration/registrations';

/** The check-in desk, visa invitation letters, and generated documents (tickets, receipts, badges, letters). */

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

// ---- Check-in -------------------------------------------------------------------------------

/**
 * What the desk must see at a glance. Only a confirmed registration can be checked
 * in; the others are shown with their warning so the desk can send the person on.
 */
export const checkInWarnings = [
  'not_approved',
  'cancelled',
  'rejected',
  'waitlisted',
  'already_checked_in',
  'unpaid',
  'unknown_ticket',
] as const;
export type CheckInWarning = (typeof checkInWarnings)[number];

/**
 * Only a confirmed registration gets a badge: a cancelled, unapproved or waiting
 * one would let someone in whom the organiser has not accepted. The desk's button
 * and the server use this one rule.
 */
export const badgeStatuses = ['confirmed'] as const satisfies readonly RegistrationStatus[];
export function canPrintBadge(status: RegistrationStatus): boolean {
  return (badgeStatuses as readonly RegistrationStatus[]).includes(status);
}

export const checkInPersonDto = z.object({
  registrationId: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  givenName: z.string(),
  familyName: z.string(),
  localName: z.string().nullable(),
  email: z.string(),
  organisation: z.string(),
  country: z.string(),
  category: z.object({ id: z.uuid(), label: text, colour: z.string() }),
  paymentStatus: z.enum(paymentStatuses),
  checkedInAt: z.string().nullable(),
});
export type CheckInPersonDto = z.infer<typeof checkInPersonDto>;

export const checkInResultDto = z.object({
  /** Null when the ticket code belongs to no registration of this event. */
  person: checkInPersonDto.nullable(),
  warnings: z.array(z.enum(checkInWarnings)),
  /** True when this call checked the person in (false when already in, or refused). */
  checkedInNow: z.boolean(),
});
export type CheckInResultDto = z.infer<typeof checkInResultDto>;

export const scanTicketInput = z.object({
  eventId: idSchema,
  /** The QR code's content. */
  ticketCode: z.string().trim().min(1).max(200),
  /**
   * Check in at once when nothing needs attention (no warning at all). A scan
   * with a warning (unpaid, pending, ...) only shows the person; the desk decides.
   */
  checkIn: z.boolean().default(true),
});
export const checkInSearchInput = z.object({
  eventId: idSchema,
  query: z.string().trim().min(1).max(200),
});
export const checkInRefInput = z.object({ eventId: idSchema, registrationId: idSchema });
/** How the desk took a payment (reg8, item 5). */
export const deskPaymentMethods = ['cash', 'card', 'transfer'] as const;
export type DeskPaymentMethod = (typeof deskPaymentMethods)[number];
/** A payment taken at the desk: recorded as paid (audited with amount and method), then checked in. */
export const takePaymentInput = z.object({
  eventId: idSchema,
  registrationId: idSchema,
  /** In the fee's currency, whole units (KRW has no minor unit). */
  amount: z.number().int().min(1).max(1_000_000_000),
  method: z.enum(deskPaymentMethods),
  /** A receipt number or a card slip's reference. */
  reference: z.string().trim().max(200).nullable().default(null),
  checkIn: z.boolean().default(true),
});
export const checkInSummaryDto = z.object({
  checkedIn: z.number().int(),
  /** Confirmed registrations: everyone who may come. */
  confirmed: z.number().int(),
});

// ---- Visa invitation letters ----------------------------------------------------------------

export const visaLetterStatuses = ['requested', 'approved', 'rejected'] as const;
export type VisaLetterStatus = (typeof visaLetterStatuses)[number];

/** YYYY-MM-DD that names a real day (not 2000-02-30). Whether it is in the past the server checks with its clock. */
export const isoDate = z
  .string({ error: msg('date') })
  .trim()
  // One message per field: an empty or malformed date stops here (zod 4 would go on to the
  // refinement and print the same message twice).
  .min(1, { error: msg('required'), abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('date'), abort: true })
  .refine(
    (v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '1900-01-01';
    },
    { error: msg('date') },
  );

export const passportNumberSchema = z
  .string({ error: msg('required') })
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(
    z.string().regex(/^[A-Z0-9]{5,20}$/, { error: 'Enter the passport number: 5–20 letters and digits' }),
  );

/** A participant asks for a letter for the embassy where they apply for a visa. */
export const visaRequestInput = z.object({
  /** As printed in the passport, in Latin letters. */
  passportName: romanName(200),
  passportNumber: passportNumberSchema,
  nationality: countrySchema,
  dateOfBirth: isoDate,
  /** The addressee, e.g. "Embassy of the Republic of Korea in Hanoi". */
  embassy: z
    .string()
    .trim()
    .min(1, { error: msg('required') })
    .max(300, { error: msg('tooLong', { max: 300 }) }),
});

/** The participant's own request, without the passport number and date of birth they sent. */
export const myVisaRequestDto = z.object({
  id: z.uuid(),
  status: z.enum(visaLetterStatuses),
  passportName: z.string().nullable(),
  nationality: z.string().nullable(),
  embassy: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

/** A row of the desk's list: no passport number, no date of birth. */
export const visaRequestRowDto = z.object({
  id: z.uuid(),
  registrationId: z.uuid(),
  reference: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  passportName: z.string().nullable(),
  nationality: z.string().nullable(),
  embassy: z.string().nullable(),
  status: z.enum(visaLetterStatuses),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  purged: z.boolean(),
});
export type VisaRequestRowDto = z.infer<typeof visaRequestRowDto>;

/** The full request with passport data, for owners and admins only. */
export const visaRequestDetailDto = visaRequestRowDto.extend({
  passportNumber: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  email: z.string(),
  organisation: z.string(),
  registrationStatus: z.enum(registrationStatuses),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  purgedAt: z.string().nullable(),
});
export type VisaRequestDetailDto = z.infer<typeof visaRequestDetailDto>;

export const visaListInput = z.object({ eventId: idSchema, status: z.enum(visaLetterStatuses).optional() });
export const visaRefInput = z.object({ eventId: idSchema, requestId: idSchema });
export const visaDecideInput = z
  .object({
    eventId: idSchema,
    requestId: idSchema,
    decision: z.enum(['approve', 'reject']),
    reason: z
      .string()
      .trim()
      .max(1000, { error: msg('tooLong', { max: 1000 }) })
      .nullable()
      .default(null)
      .transform((v) => (v === '' ? null : v)),
  })
  .refine((v) => v.decision === 'approve' || v.reason !== null, {
    error: msg('required'),
    path: ['reason'],
  });

// ---- Documents ------------------------------------------------------------------------------

export const badgeLayouts = ['a6', 'a4'] as const;
export const badgesInput = z.object({
  eventId: idSchema,
  registrationIds: z.array(idSchema).min(1).max(1000),
  /** One A6 badge per page, or four A6 badges on an A4 page (cut along the lines). */
  layout: z.enum(badgeLayouts).default('a4'),
});
export const receiptInput = z.object({ eventId: idSchema, registrationId: idSchema });

type Out<T extends z.ZodType> = z.output<T>;
type Parsed<T extends z.ZodType> = z.output<T>;
type File = Out<typeof fileDto>;

export interface DeskServices {
  checkIn: {
    scan(caller: EventCaller, input: Parsed<typeof scanTicketInput>): Promise<Out<typeof checkInResultDto>>;
    search(
      caller: EventCaller,
      input: Parsed<typeof checkInSearchInput>,
    ): Promise<Out<typeof checkInPersonDto>[]>;
    checkIn(
      caller: EventCaller,
      input: Parsed<typeof checkInRefInput>,
    ): Promise<Out<typeof checkInResultDto>>;
    undo(caller: EventCaller, input: Parsed<typeof checkInRefInput>): Promise<Out<typeof checkInResultDto>>;
    takePayment(
      caller: EventCaller,
      input: Parsed<typeof takePaymentInput>,
    ): Promise<Out<typeof checkInResultDto>>;
    summary(caller: EventCaller): Promise<Out<typeof checkInSummaryDto>>;
  };
  visa: {
    request(
      caller: ParticipantCaller,
      input: Parsed<typeof visaRequestInput>,
    ): Promise<Out<typeof myVisaRequestDto>>;
    mine(caller: ParticipantCaller): Promise<Out<typeof myVisaRequestDto> | null>;
    list(caller: EventCaller, input: Parsed<typeof visaListInput>): Promise<Out<typeof visaRequestRowDto>[]>;
    get(caller: EventCaller, input: Parsed<typeof visaRefInput>): Promise<Out<typeof visaRequestDetailDto>>;
    decide(
      caller: EventCaller,
      input: Parsed<typeof visaDecideInput>,
    ): Promise<Out<typeof visaRequestDetailDto>>;
  };
  documents: {
    myTicket(caller: ParticipantCaller): Promise<File>;
    myReceipt(caller: ParticipantCaller): Promise<File>;
    myVisaLetter(caller: ParticipantCaller): Promise<File>;
    badges(caller: EventCaller, input: Parsed<typeof badgesInput>): Promise<File>;
    receipt(caller: EventCaller, input: Parsed<typeof receiptInput>): Promise<File>;
    visaLetter(caller: EventCaller, input: Parsed<typeof visaRefInput>): Promise<File>;
  };
}

export type VisaRequestInput = z.input<typeof visaRequestInput>;
