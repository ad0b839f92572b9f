import { z } from 'zod';
import { emailSchema, idSchema, localeSchema } from '../common';
import { msg } from '../../messages';
import { countryCodes } from './countries';
import { answersInput, consentKinds } from './form';

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

export const registrationStatuses = [
  'pending',
  'confirmed',
  'waitlisted',
  'offered',
  'awaiting_payment',
  'cancelled',
  'rejected',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/**
 * The life of a registration: the statuses each one may move to. The server
 * changes a status only through this table (registration/transitions.ts);
 * creation (pending, confirmed or waitlisted) is placement's, not a move.
 * An offer holds a place until it is accepted (confirmed, or pending where the
 * category needs approval), declined or lapses; nothing leaves cancelled or rejected.
 * A fee category's registration that would be confirmed waits for payment
 * instead (awaiting_payment, holding its place until the organiser's deadline)
 * and is confirmed when staff mark it paid or waived.
 */
export const registrationStatusMoves: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  pending: ['confirmed', 'awaiting_payment', 'cancelled', 'rejected'],
  confirmed: ['cancelled'],
  waitlisted: ['offered', 'cancelled', 'rejected'],
  offered: ['confirmed', 'awaiting_payment', 'pending', 'cancelled', 'rejected'],
  awaiting_payment: ['confirmed', 'cancelled', 'rejected'],
  cancelled: [],
  rejected: [],
};

export function canMoveRegistration(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return registrationStatusMoves[from].includes(to);
}

/**
 * A checked-in registration makes no move at all (issue 8, item 6): the person
 * came and used the place, so it is neither cancelled nor rejected, and what
 * the desk counts stays true. A check-in made by mistake is undone at the desk
 * first (audited); then the table above applies again.
 */
export function canMoveCheckedIn(checkedIn: boolean): boolean {
  return !checkedIn;
}
export const paymentStatuses = ['not_required', 'unpaid', 'paid', 'waived'] as const;
export const registrationSources = ['portal', 'staff', 'partner'] as const;

/** Statuses that hold a place (counted against every limit). */
export const placeHoldingStatuses = [
  'pending',
  'confirmed',
  'offered',
  'awaiting_payment',
] as const satisfies readonly RegistrationStatus[];

// Control characters (C0, C1) and the bidi overrides that can disguise a name.
// eslint-disable-next-line no-control-regex
const forbiddenInName = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A person's name in any script: Hangul, Chinese, Arabic, accented Latin. Only
 * what cannot be printed on a badge is refused; the text is stored in NFC.
 */
export function personName(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: msg('required') })
    .max(max, { error: msg('tooLong', { max }) })
    .refine((v) => !forbiddenInName.test(v), { error: msg('personName') })
    .transform((v) => v.normalize('NFC'));
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: msg('tooLong', { max }) })
    .refine((v) => !forbiddenInName.test(v.replace(/[\n\t]/g, ' ')), { error: msg('personName') })
    .transform((v) => (v === '' ? null : v.normalize('NFC')))
    .nullable()
    .optional();
}

export const countrySchema = z
  .string({ error: msg('country') })
  .trim()
  .toUpperCase()
  .refine((v) => (countryCodes as readonly string[]).includes(v), { error: msg('country') });

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()./-]{5,29}$/, { error: msg('phone') })
  .transform((v) => v.replace(/\s+/g, ' '))
  .nullable()
  .optional();

// Letters of the Latin script (with their accents, precomposed or combining), and the
// spaces, hyphens and apostrophes that passports print; at least one letter.
const romanLetters = /^[\p{Script=Latin}\p{M}' \u2019-]+$/u;
const hasLetter = /\p{Script=Latin}/u;

/**
 * A name as in the passport: Roman letters only, because it is what a visa officer,
 * an airline and a badge reader across the room compare with the passport. The
 * name in the person's own script has a field of its own (localName).
 */
export function romanName(max: number) {
  return personName(max).refine((v) => romanLetters.test(v) && hasLetter.test(v), {
    error: msg('romanName'),
  });
}

/** The person: the standard fields of every registration form. */
export const participantFields = z.object({
  givenName: romanName(100),
  familyName: romanName(100),
  localName: optionalText(100),
  email: emailSchema,
  organisation: personName(200),
  jobTitle: optionalText(200),
  country: countrySchema,
  // An empty phone is no phone; a wrong one gets the phone message, not zod's generic one.
  phone: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), phoneSchema),
  dietary: optionalText(500),
  accessibility: optionalText(500),
});
export type ParticipantFields = z.infer<typeof participantFields>;

const optionIds = z
  .array(idSchema)
  .max(30)
  .default([])
  .refine((ids) => new Set(ids).size === ids.length, { error: msg('duplicateOptions') });

export const acceptedConsentInput = z.object({
  kind: z.enum(consentKinds),
  version: z.number().int().min(1),
});

/** One registration, as the portal, staff and partners send it. */
export const registrationRequest = z.object({
  categoryId: idSchema,
  invitationCode: z.string().trim().toUpperCase().max(40).nullable().optional(),
  participant: participantFields,
  optionIds,
  answers: answersInput.default({}),
  locale: localeSchema.default('en'),
});
export type RegistrationRequest = z.infer<typeof registrationRequest>;

/** A participant registering on the portal; they must accept the current consent texts. */
export const registerInput = registrationRequest.extend({
  eventId: idSchema,
  consents: z.array(acceptedConsentInput).max(10).default([]),
  /**
   * The solved proof-of-work (the ALTCHA widget's payload: base64 JSON of the
   * challenge from `altchaChallenge` and its solution). Required; optional here
   * so that its absence is refused by the service with the field named.
   */
  altcha: z.string().max(4000).optional(),
});
export type RegisterInput = z.infer<typeof registerInput>;

/** Staff registering someone by hand (on the phone, at the desk). */
export const staffRegisterInput = registrationRequest.extend({
  eventId: idSchema,
  /**
   * The consent texts the person told staff they accept (staff tick each one in
   * the dialog): checked and recorded as on the portal, required ones enforced.
   */
  consents: z.array(acceptedConsentInput).max(10).default([]),
  /** Staff may confirm a category that needs approval at once. */
  approve: z.boolean().default(false),
  sendConfirmation: z.boolean().default(true),
});

/**
 * A proof-of-work challenge for the public registration form (ALTCHA v2, signed
 * by the server, expiring): the widget solves it in the browser.
 */
export const altchaChallengeDto = z.object({
  parameters: z.object({
    algorithm: z.string(),
    nonce: z.string(),
    salt: z.string(),
    cost: z.number().int(),
    keyLength: z.number().int(),
    keyPrefix: z.string(),
    keySignature: z.string().optional(),
    expiresAt: z.number().int().optional(),
  }),
  signature: z.string(),
});
export type AltchaChallengeDto = z.infer<typeof altchaChallengeDto>;

/** What the one who registered learns at once; the personal link goes by email. */
export const registrationReceiptDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  waitlistPosition: z.number().int().nullable(),
  options: z.array(
    z.object({
      optionId: z.uuid(),
      status: z.enum(['booked', 'waitlisted']),
      waitlistPosition: z.number().int().nullable(),
    }),
  ),
});
export type RegistrationReceiptDto = z.infer<typeof registrationReceiptDto>;

export const registrationChoiceDto = z.object({
  optionId: z.uuid(),
  code: z.string(),
  label: text,
  status: z.enum(['booked', 'waitlisted']),
  waitlistPosition: z.number().int().nullable(),
});

/** A registration as staff see it. No passport data: that lives with the visa request. */
export const registrationDto = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  source: z.enum(registrationSources),
  category: z.object({ id: z.uuid(), code: z.string(), label: text, colour: z.string() }),
  givenName: z.string(),
  familyName: z.string(),
  localName: z.string().nullable(),
  email: z.string(),
  organisation: z.string(),
  jobTitle: z.string().nullable(),
  country: z.string(),
  phone: z.string().nullable(),
  dietary: z.string().nullable(),
  accessibility: z.string().nullable(),
  locale: localeSchema,
  answers: z.record(z.string(), z.unknown()),
  consents: z.array(z.object({ kind: z.string(), version: z.number().int(), acceptedAt: z.string() })),
  options: z.array(registrationChoiceDto),
  invitationCode: z.string().nullable(),
  delegation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  partnerId: z.uuid().nullable(),
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  paymentStatus: z.enum(paymentStatuses),
  paymentReference: z.string().nullable(),
  fee: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  emailVerified: z.boolean(),
  /**
   * What was typed for this registration that differs from the person's fields and was not
   * written to them (an unverified form, or staff and partners typing for a person who
   * verified their address and so owns their fields).
   */
  pendingProfile: z
    .object({
      givenName: z.string(),
      familyName: z.string(),
      localName: z.string().nullable(),
      country: z.string().nullable(),
      phone: z.string().nullable(),
      jobTitle: z.string().nullable(),
    })
    .partial()
    .nullable(),
  checkedInAt: z.string().nullable(),
  visaLetterStatus: z.enum(['requested', 'approved', 'rejected']).nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type RegistrationDto = z.infer<typeof registrationDto>;

export const registrationRefInput = z.object({ eventId: idSchema, registrationId: idSchema });

export const registrationSortFields = [
  'createdAt',
  'familyName',
  'organisation',
  'country',
  'status',
  'reference',
] as const;
export const visaFilter = ['none', 'requested', 'approved', 'rejected'] as const;

/** The participant list: server-side search, filters, sorting and pages. */
export const registrationListInput = z.object({
  eventId: idSchema,
  search: z.string().trim().max(200).optional(),
  statuses: z.array(z.enum(registrationStatuses)).max(6).optional(),
  categoryIds: z.array(idSchema).max(50).optional(),
  countries: z.array(z.string().trim().toUpperCase().length(2)).max(250).optional(),
  optionId: idSchema.optional(),
  checkedIn: z.boolean().optional(),
  visaLetter: z.enum(visaFilter).optional(),
  sort: z.enum(registrationSortFields).default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export type RegistrationListInput = z.infer<typeof registrationListInput>;

/** A row of the participant list: what the table shows. */
export const registrationRowDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  categoryId: z.uuid(),
  categoryLabel: text,
  categoryColour: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  localName: z.string().nullable(),
  email: z.string(),
  organisation: z.string(),
  country: z.string(),
  paymentStatus: z.enum(paymentStatuses),
  checkedInAt: z.string().nullable(),
  visaLetterStatus: z.enum(['requested', 'approved', 'rejected']).nullable(),
  createdAt: z.string(),
});
export type RegistrationRowDto = z.infer<typeof registrationRowDto>;
export const registrationListOutput = z.object({
  rows: z.array(registrationRowDto),
  total: z.number().int(),
});

export const registrationDetailDto = registrationDto.extend({
  history: z.array(
    z.object({
      at: z.string(),
      actorLabel: z.string(),
      action: z.string(),
      diff: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    }),
  ),
});

export const decideRegistrationsInput = z.object({
  eventId: idSchema,
  registrationIds: z.array(idSchema).min(1).max(1000),
  reason: z.string().trim().max(1000).nullable().default(null),
});
export const cancelRegistrationInput = z.object({
  eventId: idSchema,
  registrationId: idSchema,
  reason: z.string().trim().max(1000).nullable().default(null),
});
export const bulkOutcomeDto = z.object({
  changed: z.number().int(),
  skipped: z.array(z.object({ id: z.uuid(), reason: z.string() })),
});

export const setPaymentInput = z.object({
  eventId: idSchema,
  registrationId: idSchema,
  paymentStatus: z.enum(['unpaid', 'paid', 'waived']),
  paymentReference: z.string().trim().max(200).nullable().default(null),
});

export const updateParticipantInput = z.object({
  eventId: idSchema,
  registrationId: idSchema,
  participant: participantFields.partial(),
  answers: answersInput.optional(),
});

export const bulkEmailInput = z.object({
  eventId: idSchema,
  registrationIds: z.array(idSchema).min(1).max(10_000),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});

/** A category's list (with its open offers), an option's list, or the event's waiting people. */
export const waitlistInput = z.object({
  eventId: idSchema,
  categoryId: idSchema.optional(),
  optionId: idSchema.optional(),
});
export const waitlistEntryDto = z.object({
  registrationId: z.uuid(),
  reference: z.string(),
  /** 1 = next; null for an open offer (listed first, holding its place until the deadline). */
  position: z.number().int().nullable(),
  status: z.enum(registrationStatuses),
  offerExpiresAt: z.string().nullable(),
  name: z.string(),
  organisation: z.string(),
  country: z.string(),
  categoryId: z.uuid(),
  categoryLabel: text,
  createdAt: z.string(),
});
/**
 * Put a waiting registration at a position of its category's list (1 = next), or
 * before another one (or last when beforeId is null). With `optionId`, the list is
 * that option's (tour's) waiting list, in its own order.
 */
export const moveInWaitlistInput = z
  .object({
    eventId: idSchema,
    registrationId: idSchema,
    optionId: idSchema.optional(),
    beforeId: idSchema.nullable().optional(),
    position: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((v) => v.beforeId !== undefined || v.position !== undefined, {
    error: msg('required'),
    path: ['position'],
  });

/**
 * Offer a waiting registration a place now, ahead of the list. In a full
 * category it is refused unless `addPlace`: then the category's limit goes up
 * by one, under the same locks, so no limit is ever exceeded.
 */
export const offerNowInput = z.object({
  eventId: idSchema,
  registrationId: idSchema,
  addPlace: z.boolean().default(false),
});

export const registrationStatsDto = z.object({
  total: z.number().int(),
  byStatus: z.array(z.object({ status: z.enum(registrationStatuses), count: z.number().int() })),
  byCategory: z.array(
    z.object({
      categoryId: z.uuid(),
      label: text,
      colour: z.string(),
      capacity: z.number().int().nullable(),
      taken: z.number().int(),
      waitlisted: z.number().int(),
    }),
  ),
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int() })),
  byOption: z.array(
    z.object({
      optionId: z.uuid(),
      label: text,
      capacity: z.number().int().nullable(),
      booked: z.number().int(),
      waitlisted: z.number().int(),
    }),
  ),
  overTime: z.array(z.object({ date: z.string(), count: z.number().int() })),
  checkedIn: z.number().int(),
});
export type RegistrationStatsDto = z.infer<typeof registrationStatsDto>;
