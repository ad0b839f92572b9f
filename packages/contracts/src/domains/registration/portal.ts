import { z } from 'zod';
import { idSchema } from '../common';
import { consentKinds, formQuestions, standardFieldRules, answersInput } from './form';
import { editableFieldNames } from './setup';
import {
  participantFields,
  paymentStatuses,
  registrationChoiceDto,
  registrationStatuses,
} from './registrations';

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

/** What the portal needs to show the form: open categories, options with seats left, questions, consents. */
export const registrationFormInput = z.object({
  eventId: idSchema,
  /** An invitation code typed by the participant: unlocks its category. */
  invitationCode: z.string().trim().toUpperCase().max(40).optional(),
});

export const publicCategoryDto = z.object({
  id: z.uuid(),
  label: text,
  description: text,
  requiresApproval: z.boolean(),
  feeAmount: z.number().int().nullable(),
  feeCurrency: z.string().nullable(),
  /** Open now (between its dates). */
  open: z.boolean(),
  /** No place left: a registration joins the waiting list. */
  full: z.boolean(),
  /** Unlocked by the code the participant typed. */
  viaCode: z.boolean(),
});
export const publicOptionDto = z.object({
  id: z.uuid(),
  kind: z.enum(['tour', 'meal', 'social', 'other']),
  label: text,
  description: text,
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  exclusiveGroup: z.string().nullable(),
  full: z.boolean(),
});
export const publicConsentDto = z.object({
  kind: z.enum(consentKinds),
  version: z.number().int(),
  text,
  required: z.boolean(),
});

export const registrationFormDto = z.object({
  eventId: z.uuid(),
  open: z.boolean(),
  categories: z.array(publicCategoryDto),
  options: z.array(publicOptionDto),
  standardFields: standardFieldRules,
  questions: formQuestions,
  consents: z.array(publicConsentDto),
  /** Set when a code was typed: whether it worked, and why not. */
  invitationCode: z
    .object({ valid: z.boolean(), reason: z.enum(['unknown', 'expired', 'used_up']).nullable() })
    .nullable(),
  visaLettersEnabled: z.boolean(),
});
export type RegistrationFormDto = z.infer<typeof registrationFormDto>;

/** A participant's own registration, on the page their emailed link opens. */
export const myRegistrationDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  event: z.object({
    id: z.uuid(),
    slug: z.string(),
    title: text,
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    /** The venue's country (ISO 3166-1 alpha-2): the country a visa letter invites to. */
    country: z.string(),
    venueName: text,
  }),
  category: z.object({ id: z.uuid(), label: text }),
  participant: participantFields.extend({
    localName: z.string().nullable(),
    jobTitle: z.string().nullable(),
    phone: z.string().nullable(),
    dietary: z.string().nullable(),
    accessibility: z.string().nullable(),
  }),
  answers: z.record(z.string(), z.unknown()),
  options: z.array(registrationChoiceDto),
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  statusReason: z.string().nullable(),
  emailVerified: z.boolean(),
  paymentStatus: z.enum(paymentStatuses),
  fee: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  /**
   * While the registration waits for payment: the deadline (the place is released
   * after it), the reference to quote and the organiser's instructions (bank transfer).
   */
  payment: z
    .object({ dueAt: z.string(), reference: z.string(), instructions: text })
    .nullable(),
  /** The secret the QR ticket carries; shown only once the registration is confirmed. */
  ticketCode: z.string().nullable(),
  editableFields: z.array(z.enum(editableFieldNames)),
  /** Whether the participant may still correct their name here, and until when (null: not by themselves). */
  nameCorrection: z.object({ open: z.boolean(), until: z.string().nullable() }),
  canCancel: z.boolean(),
  checkedIn: z.boolean(),
  visaLetter: z
    .object({ status: z.enum(['requested', 'approved', 'rejected']), decisionReason: z.string().nullable() })
    .nullable(),
  visaLettersEnabled: z.boolean(),
});
export type MyRegistrationDto = z.infer<typeof myRegistrationDto>;

export const updateMyRegistrationInput = z.object({
  participant: participantFields
    .omit({ email: true, givenName: true, familyName: true, country: true })
    .partial()
    .optional(),
  answers: answersInput.optional(),
  optionIds: z.array(idSchema).max(30).optional(),
});

export const cancelMyRegistrationInput = z.object({
  reason: z.string().trim().max(1000).nullable().default(null),
});

/** Ask for a fresh personal link by email (the old one keeps working). */
export const resendLinkInput = z.object({
  eventId: idSchema,
  email: z.string().trim().toLowerCase().max(254),
});

/**
 * Largest file the base64 uploadFile procedure takes (its request is capped at 1 MB).
 * Larger files, up to the question's limit, are streamed to filePaths.registrationAnswer.
 */
export const MAX_UPLOAD_BYTES = 700_000;
/** What a file question accepts, told by the file's content, not its name. */
export const uploadContentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** A file for a file question, sent before the registration; the answer holds the returned id. */
export const uploadFileInput = z.object({
  eventId: idSchema,
  questionId: z.string().trim().max(40),
  filename: z.string().trim().min(1).max(200),
  /** The file's bytes, base64-encoded. */
  // Generous here: the service tells a too-large file apart (413) from bad input.
  contentBase64: z.string().max(1_400_000),
});
export const uploadedFileDto = z.object({
  fileId: z.uuid(),
  filename: z.string(),
  contentType: z.enum(uploadContentTypes),
  size: z.number().int(),
});
