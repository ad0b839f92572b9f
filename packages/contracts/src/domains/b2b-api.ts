import { z } from 'zod';
import type { PartnerCaller } from '../context';
import { msg } from '../messages';
import { idSchema } from './common';
import { countrySchema } from './registration/registrations';
import {
  amountSchema,
  b2bProduct,
  b2bSides,
  currencyCodeSchema,
  languageSchema,
  meetingDto,
  outcomeDto,
  outcomeFields,
  profileDto,
  withOutcomeRules,
  type MeetingDto,
  type ProfileDto,
} from './b2b';

/**
 * The B2B fair over the partner API (issue 14, item 10): a partner (a
 * delegation's organiser) creates its companies' profiles, sees their meetings
 * and records outcomes. A key sees only the profiles its partner created and
 * the meetings one of them is in; anything else is reported as missing (404).
 */

/** Partners may name an event by id or by slug. */
const eventRef = z.string().trim().min(1).max(64);
const shortText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: msg('tooLong', { max }) });

export const apiB2bProfilesInput = z.object({ eventId: eventRef, side: z.enum(b2bSides).optional() });
export const apiB2bProfileInput = z.object({ eventId: eventRef, profileId: idSchema });
export const apiB2bMeetingsInput = z.object({ eventId: eventRef });
export const apiB2bMeetingInput = z.object({ eventId: eventRef, meetingId: idSchema });

/** What a partner says of a company; the fair's own fields (contact, catalogue) stay with staff and the company. */
const profileFields = z.object({
  country: countrySchema,
  products: z
    .array(b2bProduct)
    .min(1, { error: msg('required') })
    .max(20),
  languages: z
    .array(languageSchema)
    .min(1, { error: msg('required') })
    .max(10),
  volumes: shortText(500).default(''),
  priceMin: amountSchema.nullable().default(null),
  priceMax: amountSchema.nullable().default(null),
  priceCurrency: currencyCodeSchema.nullable().default(null),
  priorities: shortText(500).default(''),
  certifications: z.array(shortText(80).min(1)).max(20).default([]),
  exportMarkets: z.array(countrySchema).max(60).default([]),
  capacity: shortText(500).default(''),
  /** Sends it to the coordinator for validation (otherwise it stays a draft). */
  submit: z.boolean().default(false),
});
const priceOrder = (v: { priceMin: number | null; priceMax: number | null }) =>
  v.priceMin === null || v.priceMax === null || v.priceMin <= v.priceMax;

export const apiB2bCreateProfileInput = profileFields
  .extend({
    eventId: eventRef,
    side: z.enum(b2bSides),
    /** The company's name: finds the shared organisation of that name, or creates it. */
    organisationName: shortText(200).min(1, { error: msg('required') }),
  })
  .refine(priceOrder, { error: msg('priceOrder'), path: ['priceMax'] });
export type ApiB2bCreateProfileInput = z.output<typeof apiB2bCreateProfileInput>;

/** The whole profile again (PUT): its side and company stay as created. */
export const apiB2bUpdateProfileInput = profileFields
  .extend({ eventId: eventRef, profileId: idSchema })
  .refine(priceOrder, { error: msg('priceOrder'), path: ['priceMax'] });
export type ApiB2bUpdateProfileInput = z.output<typeof apiB2bUpdateProfileInput>;

export const apiB2bRecordOutcomeInput = withOutcomeRules(outcomeFields.extend({ eventId: eventRef }));
export type ApiB2bRecordOutcomeInput = z.output<typeof apiB2bRecordOutcomeInput>;

/** A meeting with what came of it (null before an outcome is recorded). */
export const apiB2bMeetingDto = meetingDto.extend({
  outcome: outcomeDto.omit({ meetingId: true }).nullable(),
});
export type ApiB2bMeetingDto = z.infer<typeof apiB2bMeetingDto>;
export const apiB2bProfileDto = profileDto;

type In<T extends z.ZodType> = z.output<T>;
type Out<T extends z.ZodType> = z.output<T>;

export interface B2bApiServices {
  b2bApi: {
    profiles(caller: PartnerCaller, input: In<typeof apiB2bProfilesInput>): Promise<ProfileDto[]>;
    profile(caller: PartnerCaller, input: In<typeof apiB2bProfileInput>): Promise<ProfileDto>;
    createProfile(caller: PartnerCaller, input: ApiB2bCreateProfileInput): Promise<ProfileDto>;
    updateProfile(caller: PartnerCaller, input: ApiB2bUpdateProfileInput): Promise<ProfileDto>;
    meetings(caller: PartnerCaller): Promise<MeetingDto[]>;
    meeting(caller: PartnerCaller, input: In<typeof apiB2bMeetingInput>): Promise<ApiB2bMeetingDto>;
    recordOutcome(caller: PartnerCaller, input: ApiB2bRecordOutcomeInput): Promise<Out<typeof outcomeDto>>;
  };
}
