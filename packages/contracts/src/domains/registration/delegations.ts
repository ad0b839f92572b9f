import { z } from 'zod';
import { emailSchema, idSchema, localeSchema } from '../common';
import { acceptedConsentInput, participantFields, personName, registrationStatuses } from './registrations';
import { answersInput } from './form';

/** A group registered in one go; every member gets the same category and options. */
export const delegationRequest = z.object({
  name: personName(200),
  contactName: personName(200),
  contactEmail: emailSchema,
  categoryId: idSchema,
  invitationCode: z.string().trim().toUpperCase().max(40).nullable().optional(),
  optionIds: z.array(idSchema).max(30).default([]),
  locale: localeSchema.default('en'),
  members: z
    .array(
      z.object({
        participant: participantFields,
        answers: answersInput.default({}),
        /**
         * The consent texts this delegate accepted, as staff confirm them for one person
         * (issue 8, item 3 of reg8): checked and recorded as on the portal, required ones
         * enforced. Staff send them for every member; a partner's `consents` cover its
         * members when it sends none here.
         */
        consents: z.array(acceptedConsentInput).max(10).optional(),
      }),
    )
    .min(1)
    .max(200)
    .refine((m) => new Set(m.map((x) => x.participant.email)).size === m.length, {
      error: 'Each delegate needs their own email address',
      path: [],
    }),
});
export type DelegationRequest = z.infer<typeof delegationRequest>;
export const createDelegationInput = delegationRequest.extend({ eventId: idSchema });

export const delegationMemberDto = z.object({
  registrationId: z.uuid(),
  reference: z.string(),
  status: z.enum(registrationStatuses),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  waitlistPosition: z.number().int().nullable(),
});
export const delegationDto = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  name: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  partnerId: z.uuid().nullable(),
  createdAt: z.string(),
  members: z.array(delegationMemberDto),
});
export type DelegationDto = z.infer<typeof delegationDto>;
export const delegationRefInput = z.object({ eventId: idSchema, delegationId: idSchema });
export const delegationListInput = z.object({ eventId: idSchema });
export const delegationSummaryDto = delegationDto
  .omit({ members: true })
  .extend({ memberCount: z.number().int(), confirmed: z.number().int() });
export const cancelDelegateInput = z.object({
  registrationId: idSchema,
  reason: z.string().trim().max(1000).nullable().default(null),
});
