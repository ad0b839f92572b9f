import { z } from 'zod';
import { idSchema, isoDateTime, localizedText, requiredLocalizedText } from '../common';
import { msg } from '../../messages';
import { consentKinds, formQuestions, standardFieldNames, standardFieldRules } from './form';

/** The same fields, each optional (an update sends only what changed; no defaults fill the rest). */
function optionalAll<T extends Record<string, z.ZodType>>(
  fields: T,
): { [K in keyof T]: z.ZodOptional<T[K]> } {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof T]: z.ZodOptional<T[K]>;
  };
}

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });
const capacity = z
  .number({ error: msg('capacity') })
  .int({ error: msg('capacity') })
  .min(0, { error: msg('capacity') })
  .max(1_000_000)
  .nullable();
export const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/, { error: msg('code') });

/** Fields a participant may change on their own page after registering. */
export const editableFieldNames = [
  'localName',
  'organisation',
  'jobTitle',
  'phone',
  'dietary',
  'accessibility',
  'answers',
  'options',
] as const;

export const letterhead = z.object({
  organiser: localizedText(200).optional(),
  address: localizedText(400).optional(),
  signatoryName: z.string().trim().max(200).optional(),
  signatoryTitle: localizedText(200).optional(),
  email: z.string().trim().max(254).optional(),
  phone: z.string().trim().max(40).optional(),
});

export const registrationSettingsDto = z.object({
  eventId: z.uuid(),
  capacity: z.number().int().nullable(),
  offerHours: z.number().int(),
  editableFields: z.array(z.enum(editableFieldNames)),
  allowSelfCancel: z.boolean(),
  visaPurgeDays: z.number().int(),
  visaLettersEnabled: z.boolean(),
  letterhead,
  /** Days a fee category's registration has to pay before its place is released. */
  paymentDueDays: z.number().int(),
  /** Bank transfer details and what to quote, shown on the personal page and in the mail. */
  paymentInstructions: z.object({ ko: z.string().optional(), en: z.string().optional() }),
  standardFields: standardFieldRules,
  questions: formQuestions,
  /** Until when participants may correct their own name (null: never by themselves). */
  nameCorrectionUntil: z.string().nullable(),
});
export type RegistrationSettingsDto = z.infer<typeof registrationSettingsDto>;

export const updateRegistrationSettingsInput = z.object({
  eventId: idSchema,
  capacity: capacity.optional(),
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
  editableFields: z.array(z.enum(editableFieldNames)).max(editableFieldNames.length).optional(),
  allowSelfCancel: z.boolean().optional(),
  visaPurgeDays: z.number().int().min(0).max(3650).optional(),
  visaLettersEnabled: z.boolean().optional(),
  letterhead: letterhead.optional(),
  paymentDueDays: z.number().int().min(1).max(90).optional(),
  paymentInstructions: localizedText(2000).optional(),
  /** Until when participants may correct their own name on their page (null: never by themselves). */
  nameCorrectionUntil: isoDateTime.nullable().optional(),
});

export const updateRegistrationFormInput = z.object({
  eventId: idSchema,
  standardFields: standardFieldRules,
  questions: formQuestions,
});
export { standardFieldNames };

export const categoryVisibilities = ['public', 'invitation'] as const;

const categoryBase = {
  code: codeSchema,
  label: requiredLocalizedText(200),
  description: localizedText(2000),
  capacity,
  requiresApproval: z.boolean(),
  opensAt: isoDateTime.nullable(),
  closesAt: isoDateTime.nullable(),
  feeAmount: z.number().int().min(0).max(100_000_000).nullable(),
  feeCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: msg('currency') })
    .nullable(),
  visibility: z.enum(categoryVisibilities),
  colour: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: msg('colour') }),
  position: z.number().int().min(0).max(10_000),
};
const categoryFields = {
  ...categoryBase,
  description: categoryBase.description.default({}),
  capacity: capacity.default(null),
  requiresApproval: categoryBase.requiresApproval.default(false),
  opensAt: categoryBase.opensAt.default(null),
  closesAt: categoryBase.closesAt.default(null),
  feeAmount: categoryBase.feeAmount.default(null),
  feeCurrency: categoryBase.feeCurrency.default(null),
  visibility: categoryBase.visibility.default('public'),
  colour: categoryBase.colour.default('#1f6feb'),
  position: categoryBase.position.default(0),
};
const feeRule = (v: { feeAmount?: number | null | undefined; feeCurrency?: string | null | undefined }) =>
  (v.feeAmount == null) === (v.feeCurrency == null) ||
  v.feeAmount === undefined ||
  v.feeCurrency === undefined;
const feeRuleError = { error: msg('currency'), path: ['feeCurrency'] };
const datesRule = (v: { opensAt?: string | null | undefined; closesAt?: string | null | undefined }) =>
  !v.opensAt || !v.closesAt || Date.parse(v.closesAt) > Date.parse(v.opensAt);
const datesRuleError = { error: msg('endBeforeStart'), path: ['closesAt'] };

export const createCategoryInput = z
  .object({ eventId: idSchema, ...categoryFields })
  .refine(feeRule, feeRuleError)
  .refine(datesRule, datesRuleError);
export const updateCategoryInput = z
  .object({
    eventId: idSchema,
    categoryId: idSchema,
    ...optionalAll(categoryBase),
  })
  .refine(feeRule, feeRuleError)
  .refine(datesRule, datesRuleError);
export const categoryRefInput = z.object({ eventId: idSchema, categoryId: idSchema });

/** A category as staff see it, with what is taken counted from the registrations. */
export const categoryDto = z.object({
  id: z.uuid(),
  code: z.string(),
  label: text,
  description: text,
  capacity: z.number().int().nullable(),
  requiresApproval: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  feeAmount: z.number().int().nullable(),
  feeCurrency: z.string().nullable(),
  visibility: z.enum(categoryVisibilities),
  colour: z.string(),
  position: z.number().int(),
  /** Places held: confirmed, awaiting approval, or offered. */
  taken: z.number().int(),
  waitlisted: z.number().int(),
  /** Places left for a registration without a code; null: no limit. */
  remaining: z.number().int().nullable(),
});
export type CategoryDto = z.infer<typeof categoryDto>;

export const optionKinds = ['tour', 'meal', 'social', 'other'] as const;
const optionBase = {
  code: codeSchema,
  kind: z.enum(optionKinds),
  label: requiredLocalizedText(200),
  description: localizedText(2000),
  capacity,
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
  /** Options with the same group name cannot be held together ("at most one of"). */
  exclusiveGroup: z
    .string()
    .trim()
    .max(40)
    .transform((v) => v || null)
    .nullable(),
  position: z.number().int().min(0).max(10_000),
};
export const createOptionInput = z.object({
  eventId: idSchema,
  ...optionBase,
  kind: optionBase.kind.default('other'),
  description: optionBase.description.default({}),
  capacity: capacity.default(null),
  startsAt: optionBase.startsAt.default(null),
  endsAt: optionBase.endsAt.default(null),
  exclusiveGroup: optionBase.exclusiveGroup.default(null),
  position: optionBase.position.default(0),
});
export const updateOptionInput = z.object({
  eventId: idSchema,
  optionId: idSchema,
  ...optionalAll(optionBase),
});
export const optionRefInput = z.object({ eventId: idSchema, optionId: idSchema });
export const optionDto = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.enum(optionKinds),
  label: text,
  description: text,
  capacity: z.number().int().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  exclusiveGroup: z.string().nullable(),
  position: z.number().int(),
  booked: z.number().int(),
  waitlisted: z.number().int(),
  remaining: z.number().int().nullable(),
});
export type OptionDto = z.infer<typeof optionDto>;

export const createInvitationCodeInput = z.object({
  eventId: idSchema,
  code: codeSchema.transform((c) => c.toUpperCase()),
  categoryId: idSchema,
  reservesPlaces: z.boolean().default(false),
  maxUses: z.number().int().min(1).max(100_000),
  expiresAt: isoDateTime.nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export const invitationCodeRefInput = z.object({ eventId: idSchema, codeId: idSchema });
export const invitationCodeDto = z.object({
  id: z.uuid(),
  code: z.string(),
  categoryId: z.uuid(),
  reservesPlaces: z.boolean(),
  maxUses: z.number().int(),
  used: z.number().int(),
  expiresAt: z.string().nullable(),
  note: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InvitationCodeDto = z.infer<typeof invitationCodeDto>;

export const publishConsentInput = z.object({
  eventId: idSchema,
  kind: z.enum(consentKinds),
  text: requiredLocalizedText(20_000),
  required: z.boolean(),
});
export const consentVersionDto = z.object({
  id: z.uuid(),
  kind: z.enum(consentKinds),
  version: z.number().int(),
  text,
  required: z.boolean(),
  createdAt: z.string(),
  current: z.boolean(),
});
export type ConsentVersionDto = z.infer<typeof consentVersionDto>;
