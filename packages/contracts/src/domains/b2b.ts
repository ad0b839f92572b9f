import { z } from 'zod';
import type { EventCaller } from '../context';
import { msg } from '../messages';
import { idSchema } from './common';
import { countrySchema } from './registration/registrations';

/**
 * The B2B export fair (issue 14): overseas buyers' demand met against Korean
 * sellers' supply, pre-matched by a coordinator, placed in slot x table with an
 * interpreter when the two share no language, and followed to a deal value.
 */

export const b2bSides = ['buyer', 'seller'] as const;
export type B2bSide = (typeof b2bSides)[number];
export const profileStatuses = ['draft', 'submitted', 'validated', 'rejected'] as const;
export type ProfileStatus = (typeof profileStatuses)[number];
export const prematchStatuses = ['proposed', 'approved', 'rejected', 'forced'] as const;
export type PrematchStatus = (typeof prematchStatuses)[number];
/** A meeting that is not cancelled holds its slot, table, companies and interpreter. */
export const meetingStatuses = ['scheduled', 'published', 'held', 'no_show', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const dealStages = ['interest', 'negotiation', 'contract_in_progress', 'signed'] as const;
export type DealStage = (typeof dealStages)[number];

/** Harmonized System code at chapter (2), heading (4) or subheading (6) level. */
export const hsCodeSchema = z
  .string()
  .trim()
  .regex(/^(\d{2}|\d{4}|\d{6})$/, { error: msg('hsCode') });
/** ISO 639-1. */
export const languageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, { error: msg('language') });
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: msg('clockTime') });
export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { error: msg('currency') });
/** Deal values are estimates in whole units of their currency. */
export const amountSchema = z.number().int().min(0).max(1_000_000_000_000);
const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: msg('tooLong', { max }) });

// ---- The fair: a day of slots and a set of tables ----

export const setUpFairInput = z
  .object({
    eventId: idSchema,
    /** The fair's day, in the event's time zone. */
    date: z.iso.date(),
    startTime: clockTimeSchema,
    endTime: clockTimeSchema,
    slotMinutes: z.number().int().min(5).max(240),
    /** Table names, in the order they are shown. */
    tables: z
      .array(shortText(60).min(1, { error: msg('required') }))
      .min(1, { error: msg('required') })
      .max(300)
      .refine((t) => new Set(t).size === t.length, { error: msg('duplicate') }),
  })
  .refine((v) => v.startTime < v.endTime, { error: msg('timeOrder'), path: ['endTime'] });
export type SetUpFairInput = z.infer<typeof setUpFairInput>;

export const fairSlotDto = z.object({
  id: z.uuid(),
  index: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const fairTableDto = z.object({ id: z.uuid(), name: z.string() });
export const fairDto = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  date: z.string(),
  timeZone: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number().int(),
  slots: z.array(fairSlotDto),
  tables: z.array(fairTableDto),
});
export type FairDto = z.infer<typeof fairDto>;
export const maybeFairDto = fairDto.nullable();

// ---- Profiles ----

export const b2bProduct = z.object({
  hsCode: hsCodeSchema,
  /** What the product is, in the company's words ("auto parts"). */
  description: shortText(120).default(''),
  keywords: z.array(shortText(40).min(1)).max(10).default([]),
});
export type B2bProduct = z.infer<typeof b2bProduct>;

export const saveProfileInput = z
  .object({
    eventId: idSchema,
    side: z.enum(b2bSides),
    /** A known organisation, or a name that finds or creates one (the shared organisations). */
    organisationId: idSchema.nullable().default(null),
    organisationName: shortText(200).default(''),
    contactPersonId: idSchema.nullable().default(null),
    country: countrySchema,
    products: z
      .array(b2bProduct)
      .min(1, { error: msg('required') })
      .max(20),
    languages: z
      .array(languageSchema)
      .min(1, { error: msg('required') })
      .max(10),
    // What a buyer says.
    volumes: shortText(500).default(''),
    priceMin: amountSchema.nullable().default(null),
    priceMax: amountSchema.nullable().default(null),
    priceCurrency: currencyCodeSchema.nullable().default(null),
    priorities: shortText(500).default(''),
    // What a seller says.
    certifications: z.array(shortText(80).min(1)).max(20).default([]),
    exportMarkets: z.array(countrySchema).max(60).default([]),
    capacity: shortText(500).default(''),
    catalogueFileId: idSchema.nullable().default(null),
    /** Sends it to the coordinator for validation (otherwise it stays a draft). */
    submit: z.boolean().default(false),
  })
  .refine((v) => v.organisationId !== null || v.organisationName.length > 0, {
    error: msg('required'),
    path: ['organisationName'],
  })
  .refine((v) => v.priceMin === null || v.priceMax === null || v.priceMin <= v.priceMax, {
    error: msg('priceOrder'),
    path: ['priceMax'],
  });
export type SaveProfileInput = z.infer<typeof saveProfileInput>;

const localizedName = z.object({ ko: z.string().optional(), en: z.string().optional() });

export const profileDto = z.object({
  id: z.uuid(),
  side: z.enum(b2bSides),
  status: z.enum(profileStatuses),
  organisationId: z.uuid(),
  organisationName: localizedName,
  contactPersonId: z.uuid().nullable(),
  country: z.string(),
  products: z.array(z.object({ hsCode: z.string(), description: z.string(), keywords: z.array(z.string()) })),
  languages: z.array(z.string()),
  volumes: z.string(),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  priceCurrency: z.string().nullable(),
  priorities: z.string(),
  certifications: z.array(z.string()),
  exportMarkets: z.array(z.string()),
  capacity: z.string(),
  catalogueFileId: z.uuid().nullable(),
  updatedAt: z.string(),
});
export type ProfileDto = z.infer<typeof profileDto>;

export const listProfilesInput = z.object({
  eventId: idSchema,
  side: z.enum(b2bSides).optional(),
  status: z.enum(profileStatuses).optional(),
});
export const setProfileStatusInput = z.object({
  eventId: idSchema,
  profileId: idSchema,
  status: z.enum(['submitted', 'validated', 'rejected']),
});

// ---- Interpreters ----

export const saveInterpreterInput = z.object({
  eventId: idSchema,
  /** Absent: a new interpreter. */
  interpreterId: idSchema.optional(),
  name: shortText(120).min(1, { error: msg('required') }),
  personId: idSchema.nullable().default(null),
  /** Languages interpreted between, each pair both ways. */
  languagePairs: z
    .array(z.tuple([languageSchema, languageSchema]))
    .min(1, { error: msg('required') })
    .max(10),
  /** The slots (by index) the interpreter works; null: all of them. */
  availableSlots: z.array(z.number().int().min(0).max(500)).max(500).nullable().default(null),
  maxMeetings: z.number().int().min(1).max(100),
});
export const interpreterDto = z.object({
  id: z.uuid(),
  name: z.string(),
  personId: z.uuid().nullable(),
  languagePairs: z.array(z.tuple([z.string(), z.string()])),
  availableSlots: z.array(z.number().int()).nullable(),
  maxMeetings: z.number().int(),
  meetings: z.number().int(),
});
export type InterpreterDto = z.infer<typeof interpreterDto>;

// ---- Suggestions ----

/** Why a buyer and a seller fit, typed so that each client words it in its language. */
export const matchReason = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('hs'),
    /** Digits in common: 6 (same subheading), 4 (heading) or 2 (chapter). */
    level: z.union([z.literal(2), z.literal(4), z.literal(6)]),
    code: z.string(),
    product: z.string(),
  }),
  z.object({ kind: z.literal('keyword'), keyword: z.string() }),
  z.object({ kind: z.literal('market'), country: z.string() }),
  z.object({ kind: z.literal('language'), language: z.string() }),
]);
export type MatchReason = z.infer<typeof matchReason>;

export const suggestionsInput = z.object({
  eventId: idSchema,
  buyerProfileId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export const suggestionDto = z.object({
  buyerProfileId: z.uuid(),
  sellerProfileId: z.uuid(),
  buyerName: localizedName,
  sellerName: localizedName,
  score: z.number(),
  reasons: z.array(matchReason),
});
export type SuggestionDto = z.infer<typeof suggestionDto>;

// ---- Pre-matching by staff ----

export const proposePrematchInput = z.object({
  eventId: idSchema,
  buyerProfileId: idSchema,
  sellerProfileId: idSchema,
  /** 1 (nice to have) to 5 (protocol): the scheduler places higher first. */
  priority: z.number().int().min(1).max(5).default(3),
});
export const decidePrematchInput = z.object({
  eventId: idSchema,
  prematchId: idSchema,
  /** The buyer's answer (given by staff on the buyer's behalf), or "forced" where protocol demands. */
  decision: z.enum(['approved', 'rejected', 'forced']),
});
export const prematchDto = z.object({
  id: z.uuid(),
  buyerProfileId: z.uuid(),
  sellerProfileId: z.uuid(),
  buyerName: localizedName,
  sellerName: localizedName,
  priority: z.number().int(),
  status: z.enum(prematchStatuses),
  /** The live meeting it became, if placed. */
  meetingId: z.uuid().nullable(),
});
export type PrematchDto = z.infer<typeof prematchDto>;

// ---- Meetings ----

export const scheduleMeetingInput = z.object({
  eventId: idSchema,
  buyerProfileId: idSchema,
  sellerProfileId: idSchema,
  slotId: idSchema,
  tableId: idSchema,
  interpreterId: idSchema.nullable().default(null),
  prematchId: idSchema.nullable().default(null),
});
export const moveMeetingInput = z.object({
  eventId: idSchema,
  meetingId: idSchema,
  slotId: idSchema,
  tableId: idSchema,
  interpreterId: idSchema.nullable().default(null),
});
export type MoveMeetingInput = z.infer<typeof moveMeetingInput>;
export const setMeetingStatusInput = z.object({
  eventId: idSchema,
  meetingId: idSchema,
  status: z.enum(['published', 'held', 'no_show', 'cancelled']),
});
export const meetingDto = z.object({
  id: z.uuid(),
  buyerProfileId: z.uuid(),
  sellerProfileId: z.uuid(),
  buyerName: localizedName,
  sellerName: localizedName,
  slotId: z.uuid(),
  slotIndex: z.number().int(),
  startsAt: z.string(),
  tableId: z.uuid(),
  tableName: z.string(),
  interpreterId: z.uuid().nullable(),
  interpreterName: z.string().nullable(),
  status: z.enum(meetingStatuses),
  stage: z.enum(dealStages).nullable(),
});
export type MeetingDto = z.infer<typeof meetingDto>;

// ---- Outcomes and the dashboard ----

/** What came of a meeting, as staff or a partner record it (without the event's reference). */
export const outcomeFields = z.object({
  meetingId: idSchema,
  productsDiscussed: shortText(500).default(''),
  /** 1 (none) to 5 (strong). */
  interest: z.number().int().min(1).max(5),
  stage: z.enum(dealStages),
  estimatedValue: amountSchema.nullable().default(null),
  currency: currencyCodeSchema.nullable().default(null),
  signedAmount: amountSchema.nullable().default(null),
  signedOn: z.iso.date().nullable().default(null),
});

/** An outcome's two rules: an amount has a currency; a signed deal has its amount and date. */
export function withOutcomeRules<T extends z.ZodType<z.output<typeof outcomeFields>>>(schema: T): T {
  return schema
    .refine((v) => (v.estimatedValue === null && v.signedAmount === null) || v.currency !== null, {
      error: msg('currency'),
      path: ['currency'],
    })
    .refine((v) => v.stage !== 'signed' || (v.signedAmount !== null && v.signedOn !== null), {
      error: msg('required'),
      path: ['signedAmount'],
    });
}

export const recordOutcomeInput = withOutcomeRules(outcomeFields.extend({ eventId: idSchema }));
export type RecordOutcomeInput = z.infer<typeof recordOutcomeInput>;
export const outcomeDto = z.object({
  meetingId: z.uuid(),
  productsDiscussed: z.string(),
  interest: z.number().int(),
  stage: z.enum(dealStages),
  estimatedValue: z.number().nullable(),
  currency: z.string().nullable(),
  signedAmount: z.number().nullable(),
  signedOn: z.string().nullable(),
});

/** US dollars per unit of each currency, for the fair's date (USD itself is 1). */
export const setRatesInput = z.object({
  eventId: idSchema,
  rates: z
    .array(
      z.object({
        currency: currencyCodeSchema,
        usdPerUnit: z.string().regex(/^\d{1,9}(\.\d{1,12})?$/, { error: msg('required') }),
      }),
    )
    .max(50),
});
export const ratesDto = z.array(z.object({ currency: z.string(), usdPerUnit: z.string() }));

const figures = z.object({
  meetings: z.number().int(),
  held: z.number().int(),
  contractsInProgress: z.number().int(),
  inProgressUsd: z.number(),
  signedUsd: z.number(),
});
export const dashboardDto = z.object({
  planned: z.number().int(),
  held: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  contractsInProgress: z.number().int(),
  /** Estimated value of the contracts in progress, in USD at the staff's rates. */
  inProgressUsd: z.number(),
  /** Signed on the fair's day. */
  signedOnSiteUsd: z.number(),
  signedLaterUsd: z.number(),
  /** Currencies used in outcomes that have no rate yet (their amounts are left out). */
  missingRates: z.array(z.string()),
  byBuyerCountry: z.array(figures.extend({ country: z.string() })),
  /** By the 2-digit chapter of the buyer's first product. */
  byHsChapter: z.array(figures.extend({ chapter: z.string() })),
  perCompany: z.array(figures.extend({ profileId: z.uuid(), side: z.enum(b2bSides), name: localizedName })),
});
export type DashboardDto = z.infer<typeof dashboardDto>;

type In<T extends z.ZodType> = z.output<T>;
type Out<T extends z.ZodType> = z.output<T>;

export interface B2bServices {
  b2b: {
    fair(caller: EventCaller): Promise<Out<typeof maybeFairDto>>;
    setUpFair(caller: EventCaller, input: SetUpFairInput): Promise<FairDto>;
    profiles(caller: EventCaller, input: In<typeof listProfilesInput>): Promise<ProfileDto[]>;
    saveProfile(caller: EventCaller, input: SaveProfileInput): Promise<ProfileDto>;
    setProfileStatus(caller: EventCaller, input: In<typeof setProfileStatusInput>): Promise<ProfileDto>;
    interpreters(caller: EventCaller): Promise<InterpreterDto[]>;
    saveInterpreter(caller: EventCaller, input: In<typeof saveInterpreterInput>): Promise<InterpreterDto>;
    suggestions(caller: EventCaller, input: In<typeof suggestionsInput>): Promise<SuggestionDto[]>;
    prematches(caller: EventCaller): Promise<PrematchDto[]>;
    proposePrematch(caller: EventCaller, input: In<typeof proposePrematchInput>): Promise<PrematchDto>;
    decidePrematch(caller: EventCaller, input: In<typeof decidePrematchInput>): Promise<PrematchDto>;
    meetings(caller: EventCaller): Promise<MeetingDto[]>;
    scheduleMeeting(caller: EventCaller, input: In<typeof scheduleMeetingInput>): Promise<MeetingDto>;
    moveMeeting(caller: EventCaller, input: MoveMeetingInput): Promise<MeetingDto>;
    setMeetingStatus(caller: EventCaller, input: In<typeof setMeetingStatusInput>): Promise<MeetingDto>;
    recordOutcome(caller: EventCaller, input: RecordOutcomeInput): Promise<Out<typeof outcomeDto>>;
    rates(caller: EventCaller): Promise<Out<typeof ratesDto>>;
    setRates(caller: EventCaller, input: In<typeof setRatesInput>): Promise<Out<typeof ratesDto>>;
    dashboard(caller: EventCaller): Promise<DashboardDto>;
  };
}
