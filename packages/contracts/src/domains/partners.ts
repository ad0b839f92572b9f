import { z } from 'zod';
import { apiScopes } from '../access';
import type { EventCaller, PartnerCaller, SignedInCaller } from '../context';
import { msg } from '../messages';
import { emailSchema, idSchema, localeSchema } from './common';
import { eventStatusSchema } from './events';
import { categoryVisibilities } from './registration/setup';
import { delegationRequest } from './registration/delegations';
import {
  acceptedConsentInput,
  paymentStatuses,
  registrationRequest,
  registrationStatuses,
} from './registration/registrations';

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });
export const apiScopeSchema = z.enum(apiScopes);

// ---------------------------------------------------------------------------
// Staff side: partner organisations and their keys.

export const partnerDto = z.object({
  id: z.uuid(),
  name: z.string(),
  contactEmail: z.string().nullable(),
  /** The events it works with: their managers see it and may key it. */
  eventIds: z.array(z.uuid()),
  createdAt: z.string(),
});
export type PartnerDto = z.infer<typeof partnerDto>;

export const createPartnerInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: msg('required') })
    .max(200, { error: msg('tooLong', { max: 200 }) }),
  contactEmail: emailSchema.nullable().default(null),
});
export type CreatePartnerInput = z.infer<typeof createPartnerInput>;

/** A key's own request budget: a delegation's bulk upload or a load test may need more than the default. */
export const requestsPerMinuteSchema = z
  .number({ error: msg('requestsPerMinute') })
  .int({ error: msg('requestsPerMinute') })
  .min(1, { error: msg('requestsPerMinute') })
  .max(100_000, { error: msg('requestsPerMinute') });

/** An event manager adds a partner for their own event; it is linked to that event only. */
export const createEventPartnerInput = createPartnerInput.extend({ eventId: idSchema });
export type CreateEventPartnerInput = z.infer<typeof createEventPartnerInput>;

export const updatePartnerInput = createPartnerInput.extend({ partnerId: idSchema });
export type UpdatePartnerInput = z.infer<typeof updatePartnerInput>;

/** The whole set of events a partner is linked to (a platform admin's choice). */
export const setPartnerEventsInput = z.object({
  partnerId: idSchema,
  eventIds: z
    .array(idSchema)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, { error: msg('duplicate') }),
});
export type SetPartnerEventsInput = z.infer<typeof setPartnerEventsInput>;

/** An API key as staff see it: never the secret, which is shown once when it is created. */
export const apiKeyDto = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  /** null: the key works for every published event (created on the command line only). */
  eventId: z.uuid().nullable(),
  name: z.string(),
  /** The non-secret start of the key, e.g. plk_7Hq2Xc9LmA, to recognise it in lists and logs. */
  prefix: z.string(),
  scopes: z.array(apiScopeSchema),
  /** Requests a minute this key may make; null: the server's default (PLENARY_API_REQUESTS_PER_MINUTE). */
  requestsPerMinute: z.number().int().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKeyDto = z.infer<typeof apiKeyDto>;

/** An event's keys, and the partners a new key may be for (named for the key dialog). */
export const eventApiKeysOutput = z.object({
  keys: z.array(apiKeyDto),
  partners: z.array(partnerDto.pick({ id: true, name: true })),
});

export const createApiKeyInput = z.object({
  eventId: idSchema,
  partnerId: idSchema,
  name: z
    .string()
    .trim()
    .min(1, { error: msg('required') })
    .max(100, { error: msg('tooLong', { max: 100 }) }),
  scopes: z
    .array(apiScopeSchema)
    .min(1, { error: msg('required') })
    .max(apiScopes.length)
    .refine((s) => new Set(s).size === s.length, { error: msg('required') }),
  /** Leave out (or null) for the server's default. */
  requestsPerMinute: requestsPerMinuteSchema.nullable().default(null),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

/** The new key: `key` is the only time the secret is ever shown. */
export const createdApiKeyOutput = z.object({ apiKey: apiKeyDto, key: z.string() });
export type CreatedApiKeyOutput = z.infer<typeof createdApiKeyOutput>;

export const revokeApiKeyInput = z.object({ eventId: idSchema, apiKeyId: idSchema });

// ---------------------------------------------------------------------------
// Partner side: the REST API at /api/v1.

/** An event named by its id or its slug, as partners may do. */
export const apiEventRef = z.string().trim().min(1).max(64);
export const apiEventInput = z.object({ eventId: apiEventRef });

export const apiEventDto = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: text,
  subtitle: text,
  venueName: text,
  venueAddress: text,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  status: eventStatusSchema,
});
export type ApiEventDto = z.infer<typeof apiEventDto>;

export const apiCategoryDto = z.object({
  id: z.uuid(),
  code: z.string(),
  label: text,
  description: text,
  visibility: z.enum(categoryVisibilities),
  requiresApproval: z.boolean(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  fee: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  capacity: z.number().int().nullable(),
  /** Places left for a registration without an invitation code; null: no limit. */
  remaining: z.number().int().nullable(),
  waitlisted: z.number().int(),
});
export type ApiCategoryDto = z.infer<typeof apiCategoryDto>;

/** A registration as a partner sees it: the person, the place, nothing staff-internal. */
export const apiRegistrationDto = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  categoryId: z.uuid(),
  participant: z.object({
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
  }),
  locale: localeSchema,
  answers: z.record(z.string(), z.unknown()),
  options: z.array(
    z.object({
      optionId: z.uuid(),
      status: z.enum(['booked', 'waitlisted']),
      waitlistPosition: z.number().int().nullable(),
    }),
  ),
  waitlistPosition: z.number().int().nullable(),
  offerExpiresAt: z.string().nullable(),
  delegationId: z.uuid().nullable(),
  paymentStatus: z.enum(paymentStatuses),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type ApiRegistrationDto = z.infer<typeof apiRegistrationDto>;

/**
 * A POST body: one person ({ registration }) or a group ({ delegation }), never
 * both. Consents the participants accepted on the partner's side may be passed on.
 */
export const apiRegisterInput = z
  .object({
    eventId: apiEventRef,
    registration: registrationRequest.optional(),
    delegation: delegationRequest.optional(),
    consents: z.array(acceptedConsentInput).max(10).default([]),
  })
  .refine((v) => (v.registration === undefined) !== (v.delegation === undefined), {
    error: 'Send either registration or delegation, not both',
    path: ['registration'],
  });
export type ApiRegisterInput = z.infer<typeof apiRegisterInput>;

export const apiRegisterOutput = z.object({
  /** The group's id when a delegation was sent; null for a single registration. */
  delegationId: z.uuid().nullable(),
  registrations: z.array(apiRegistrationDto),
});
export type ApiRegisterOutput = z.infer<typeof apiRegisterOutput>;

export const apiRegistrationListInput = z.object({
  eventId: apiEventRef,
  /** The nextCursor of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ApiRegistrationListInput = z.infer<typeof apiRegistrationListInput>;

export const apiRegistrationPage = z.object({
  registrations: z.array(apiRegistrationDto),
  /** Pass as cursor for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ApiRegistrationPage = z.infer<typeof apiRegistrationPage>;

export const apiRegistrationRefInput = z.object({ eventId: apiEventRef, registrationId: idSchema });
export const apiCancelRegistrationInput = apiRegistrationRefInput.extend({
  reason: z.string().trim().max(1000).optional(),
});

type Out<T extends z.ZodType> = z.output<T>;

/** Partner organisations, their API keys, and the REST API (/api/v1) they call. */
export interface PartnerServices {
  partners: {
    list(caller: SignedInCaller): Promise<PartnerDto[]>;
    create(caller: SignedInCaller, input: CreatePartnerInput): Promise<PartnerDto>;
    update(caller: SignedInCaller, input: UpdatePartnerInput): Promise<PartnerDto>;
    setEvents(caller: SignedInCaller, input: SetPartnerEventsInput): Promise<PartnerDto>;
    createForEvent(caller: EventCaller, input: CreateEventPartnerInput): Promise<PartnerDto>;
    keys(caller: EventCaller): Promise<Out<typeof eventApiKeysOutput>>;
    createKey(caller: EventCaller, input: CreateApiKeyInput): Promise<CreatedApiKeyOutput>;
    revokeKey(caller: EventCaller, input: Out<typeof revokeApiKeyInput>): Promise<ApiKeyDto>;
  };
  api: {
    events(caller: PartnerCaller): Promise<ApiEventDto[]>;
    event(caller: PartnerCaller): Promise<ApiEventDto>;
    categories(caller: PartnerCaller): Promise<ApiCategoryDto[]>;
    register(caller: PartnerCaller, input: ApiRegisterInput): Promise<ApiRegisterOutput>;
    registrations(caller: PartnerCaller, input: ApiRegistrationListInput): Promise<ApiRegistrationPage>;
    registration(
      caller: PartnerCaller,
      input: Out<typeof apiRegistrationRefInput>,
    ): Promise<ApiRegistrationDto>;
    cancelRegistration(
      caller: PartnerCaller,
      input: Out<typeof apiCancelRegistrationInput>,
    ): Promise<ApiRegistrationDto>;
  };
}
