import { z } from 'zod';
import type { Caller, EventCaller, PartnerCaller, PersonCaller } from '../context';
import { msg } from '../messages';
import { idSchema, localizedText, requiredLocalizedText } from './common';
import { countrySchema } from './registration/registrations';

/**
 * Agreements (issue 13): MOUs between organisations and joint declarations adopted
 * at the event, with bilingual texts saved as immutable versions.
 */
export const agreementKinds = ['mou', 'declaration'] as const;
export const agreementKindSchema = z.enum(agreementKinds);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

export const agreementStatuses = [
  'draft',
  'negotiation',
  'approved',
  'out_for_signature',
  'signed',
  'in_effect',
  'expired',
  'terminated',
  'renewed',
  'adopted',
] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

export const agreementTransitions = [
  'negotiate',
  'approve',
  'send_for_signature',
  'record_signature',
  'bring_into_effect',
  'expire',
  'terminate',
  'renew',
  'adopt',
] as const;
export type AgreementTransition = (typeof agreementTransitions)[number];

/**
 * The life of an instrument: each transition, where it may start, where it leads,
 * and which kinds know it. An MOU is signed by its parties; a declaration is adopted
 * at a session. Going back to negotiation from approval or from signature is the
 * "reopen" a legal team needs when a party asks for one more change. The server
 * enforces this table; the console shows the moves it allows.
 */
export const agreementTransitionRules: Record<
  AgreementTransition,
  { from: readonly AgreementStatus[]; to: AgreementStatus; kinds: readonly AgreementKind[] }
> = {
  negotiate: { from: ['draft', 'approved', 'out_for_signature'], to: 'negotiation', kinds: agreementKinds },
  approve: { from: ['draft', 'negotiation'], to: 'approved', kinds: agreementKinds },
  send_for_signature: { from: ['approved'], to: 'out_for_signature', kinds: ['mou'] },
  record_signature: { from: ['out_for_signature'], to: 'signed', kinds: ['mou'] },
  bring_into_effect: { from: ['signed'], to: 'in_effect', kinds: ['mou'] },
  expire: { from: ['in_effect'], to: 'expired', kinds: ['mou'] },
  terminate: { from: ['signed', 'in_effect'], to: 'terminated', kinds: ['mou'] },
  renew: { from: ['in_effect', 'expired'], to: 'renewed', kinds: ['mou'] },
  adopt: { from: ['approved'], to: 'adopted', kinds: ['declaration'] },
};

/** The transitions open to an instrument of this kind in this status. */
export function agreementTransitionsFrom(kind: AgreementKind, status: AgreementStatus): AgreementTransition[] {
  return agreementTransitions.filter((t) => {
    const rule = agreementTransitionRules[t];
    return rule.kinds.includes(kind) && rule.from.includes(status);
  });
}

/** Statuses whose text is fixed: the version signed or adopted is the one that counts. */
export const textFrozenStatuses: readonly AgreementStatus[] = [
  'out_for_signature',
  'signed',
  'in_effect',
  'expired',
  'terminated',
  'renewed',
  'adopted',
];
/** Statuses that may be shown on the public registry (when the organiser publishes). */
export const publishableStatuses: readonly AgreementStatus[] = [
  'signed',
  'in_effect',
  'expired',
  'terminated',
  'renewed',
  'adopted',
];

const dateOnly = z.iso.date({ error: msg('dateTime') });
const localized = z.object({ ko: z.string().optional(), en: z.string().optional() });

/**
 * Clause text is kept exactly as typed (no trimming, no normalisation): the hash of
 * a version is over these very characters, in any script.
 */
const clauseText = (max: number) =>
  z.object({
    ko: z.string().max(max, { error: msg('tooLong', { max }) }).optional(),
    en: z.string().max(max, { error: msg('tooLong', { max }) }).optional(),
  });

export const clauseSchema = z.object({
  /** Stable across versions, so the redline pairs a clause with itself. */
  key: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, { error: msg('required') }),
  heading: clauseText(500).default({}),
  body: clauseText(20_000).default({}),
});
export type Clause = z.infer<typeof clauseSchema>;

export const clausesSchema = z
  .array(clauseSchema)
  .max(300)
  .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, {
    error: msg('required'),
  });

export const agreementIdInput = z.object({ eventId: idSchema, agreementId: idSchema });

export const listAgreementsInput = z.object({
  eventId: idSchema,
  kind: agreementKindSchema.optional(),
  status: agreementStatusSchema.optional(),
});

export const createAgreementInput = z.object({
  eventId: idSchema,
  kind: agreementKindSchema,
  title: requiredLocalizedText(300),
  purpose: localizedText(5_000).default({}),
  scope: localizedText(5_000).default({}),
  effectiveOn: dateOnly.nullable().default(null),
  expiresOn: dateOnly.nullable().default(null),
});
export type CreateAgreementInput = z.infer<typeof createAgreementInput>;

export const updateAgreementInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  title: requiredLocalizedText(300).optional(),
  purpose: localizedText(5_000).optional(),
  scope: localizedText(5_000).optional(),
  effectiveOn: dateOnly.nullable().optional(),
  expiresOn: dateOnly.nullable().optional(),
  /** The staff user who answers for it (reminders before expiry go to them). */
  ownerUserId: idSchema.nullable().optional(),
});

export const signatoryRoles = ['signatory', 'witness'] as const;
export const signatoryInput = z.object({
  role: z.enum(signatoryRoles).default('signatory'),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: msg('email') })),
  givenName: z.string().trim().min(1, { error: msg('required') }).max(100),
  familyName: z.string().trim().min(1, { error: msg('required') }).max(100),
  localName: z.string().trim().max(100).nullable().default(null),
  /** As printed under the signature: "President", "이사장". */
  title: localizedText(200).default({}),
  /** "On behalf of" as printed, when it differs from the organisation's name. */
  onBehalfOf: localizedText(300).default({}),
});
export const partyInput = z.object({ organisationId: idSchema, signatories: z.array(signatoryInput).max(10).default([]) });
export const setPartiesInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  parties: z.array(partyInput).max(30),
});
export type SetPartiesInput = z.infer<typeof setPartiesInput>;

export const saveTextInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  /** The version the editor started from (null: the first); a newer one meanwhile is a conflict. */
  baseVersion: z.number().int().min(1).nullable(),
  clauses: clausesSchema,
});

export const transitionAgreementInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  to: z.enum(agreementTransitions),
  /** The date of signing (record_signature) or of entry into effect. */
  on: dateOnly.optional(),
  /** Where and when a declaration was adopted (the programme does not exist yet: free text). */
  adoptedAtSession: z.string().trim().max(300).optional(),
  adoptedAt: z.iso.datetime({ offset: true }).optional(),
});

export const setPublishedInput = z.object({ eventId: idSchema, agreementId: idSchema, published: z.boolean() });

export const versionInput = z.object({ eventId: idSchema, agreementId: idSchema, number: z.number().int().min(1) });
export const redlineInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  from: z.number().int().min(1),
  to: z.number().int().min(1),
});

export const addCommentInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  clauseKey: z.string().min(1).max(40),
  body: z.string().trim().min(1, { error: msg('required') }).max(5_000),
});

export const actionStatuses = ['open', 'done', 'cancelled'] as const;
export const addActionInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  title: z.string().trim().min(1, { error: msg('required') }).max(500),
  ownerUserId: idSchema,
  dueOn: dateOnly,
});
export const updateActionInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  actionId: idSchema,
  status: z.enum(actionStatuses),
});

export const endorsementStatuses = ['pending', 'verified', 'rejected'] as const;
export const verifyEndorsementInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  endorsementId: idSchema,
  decision: z.enum(['verified', 'rejected']),
});

export const searchOrganisationsInput = z.object({
  eventId: idSchema,
  search: z.string().trim().max(200).default(''),
});

// ---- Outputs ----

export const signatoryDto = z.object({
  id: z.string(),
  role: z.enum(signatoryRoles),
  personId: z.string(),
  name: z.string(),
  localName: z.string().nullable(),
  email: z.string(),
  title: localized,
  onBehalfOf: localized,
});
export const partyDto = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: localized,
  country: z.string().nullable(),
  signatories: z.array(signatoryDto),
});
export const actionDto = z.object({
  id: z.string(),
  title: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(actionStatuses),
});
export const versionSummaryDto = z.object({
  number: z.number().int(),
  sha256: z.string(),
  clauseCount: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const versionDto = versionSummaryDto.extend({ clauses: z.array(clauseSchema) });
export type VersionDto = z.infer<typeof versionDto>;

export const agreementSummaryDto = z.object({
  id: z.string(),
  kind: agreementKindSchema,
  title: localized,
  status: agreementStatusSchema,
  parties: z.array(localized),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  published: z.boolean(),
  latestVersion: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type AgreementSummaryDto = z.infer<typeof agreementSummaryDto>;

export const agreementDto = agreementSummaryDto.extend({
  eventId: z.string(),
  purpose: localized,
  scope: localized,
  signedOn: z.string().nullable(),
  /** The version signed (MOU) or adopted (declaration): always known once it is. */
  signedVersion: z.object({ number: z.number().int(), sha256: z.string() }).nullable(),
  adoption: z.object({ session: z.string(), at: z.string() }).nullable(),
  renewalOfId: z.string().nullable(),
  renewedById: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  parties: z.array(partyDto),
  actions: z.array(actionDto),
  transitions: z.array(z.enum(agreementTransitions)),
  createdAt: z.string(),
});
export type AgreementDto = z.infer<typeof agreementDto>;

export const redlinePart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type RedlinePart = z.infer<typeof redlinePart>;
const redlineText = z.object({ ko: z.array(redlinePart), en: z.array(redlinePart) });
export const redlineOutput = z.object({
  from: z.number().int(),
  to: z.number().int(),
  clauses: z.array(
    z.object({
      key: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      heading: redlineText,
      body: redlineText,
    }),
  ),
});
export type RedlineOutput = z.infer<typeof redlineOutput>;

export const commentDto = z.object({
  id: z.string(),
  clauseKey: z.string(),
  version: z.number().int().nullable(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const endorsementDto = z.object({
  id: z.string(),
  organisation: z.string(),
  country: z.string().nullable(),
  personName: z.string(),
  title: z.string(),
  status: z.enum(endorsementStatuses),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
});

export const organisationOptionDto = z.object({ id: z.string(), name: localized, country: z.string().nullable() });

// ---- Public registry (portal and partner API) ----

export const publicRegistryInput = z.object({ slug: z.string().trim().toLowerCase().min(1).max(64) });
export const publicAgreementInput = publicRegistryInput.extend({ agreementId: idSchema });

export const publicAgreementSummaryDto = z.object({
  id: z.string(),
  kind: agreementKindSchema,
  title: localized,
  status: agreementStatusSchema,
  parties: z.array(z.object({ name: localized, country: z.string().nullable() })),
  signedOn: z.string().nullable(),
  adoptedAt: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
export type PublicAgreementSummaryDto = z.infer<typeof publicAgreementSummaryDto>;

export const publicAgreementDto = publicAgreementSummaryDto.extend({
  purpose: localized,
  scope: localized,
  adoptedAtSession: z.string().nullable(),
  parties: z.array(
    z.object({
      name: localized,
      country: z.string().nullable(),
      signatories: z.array(
        z.object({
          role: z.enum(signatoryRoles),
          name: z.string(),
          localName: z.string().nullable(),
          title: localized,
          onBehalfOf: localized,
        }),
      ),
    }),
  ),
  /** The text signed or adopted, clause by clause. */
  version: z.object({ number: z.number().int(), sha256: z.string(), clauses: z.array(clauseSchema) }).nullable(),
  endorsements: z.array(
    z.object({ organisation: z.string(), country: z.string().nullable(), personName: z.string(), title: z.string() }),
  ),
  endorsementsByCountry: z.array(z.object({ country: z.string().nullable(), count: z.number().int() })),
});
export type PublicAgreementDto = z.infer<typeof publicAgreementDto>;

export const endorseInput = publicAgreementInput.extend({
  name: z.string().trim().min(1, { error: msg('required') }).max(200),
  organisation: z.string().trim().min(1, { error: msg('required') }).max(300),
  country: countrySchema,
  title: z.string().trim().min(1, { error: msg('required') }).max(200),
});
export const endorseOutput = z.object({ status: z.enum(endorsementStatuses) });

export const apiRegistryInput = z.object({ eventId: z.string().trim().min(1).max(64) });

type Out<T extends z.ZodType> = z.output<T>;

export interface AgreementServices {
  agreements: {
    list(caller: EventCaller, input: Out<typeof listAgreementsInput>): Promise<AgreementSummaryDto[]>;
    get(caller: EventCaller, input: Out<typeof agreementIdInput>): Promise<AgreementDto>;
    create(caller: EventCaller, input: CreateAgreementInput): Promise<AgreementDto>;
    update(caller: EventCaller, input: Out<typeof updateAgreementInput>): Promise<AgreementDto>;
    setParties(caller: EventCaller, input: SetPartiesInput): Promise<AgreementDto>;
    saveText(caller: EventCaller, input: Out<typeof saveTextInput>): Promise<Out<typeof versionSummaryDto>>;
    transition(caller: EventCaller, input: Out<typeof transitionAgreementInput>): Promise<AgreementDto>;
    setPublished(caller: EventCaller, input: Out<typeof setPublishedInput>): Promise<AgreementDto>;
    versions(caller: EventCaller, input: Out<typeof agreementIdInput>): Promise<Out<typeof versionSummaryDto>[]>;
    version(caller: EventCaller, input: Out<typeof versionInput>): Promise<VersionDto>;
    redline(caller: EventCaller, input: Out<typeof redlineInput>): Promise<RedlineOutput>;
    comments(caller: EventCaller, input: Out<typeof agreementIdInput>): Promise<Out<typeof commentDto>[]>;
    addComment(caller: EventCaller, input: Out<typeof addCommentInput>): Promise<Out<typeof commentDto>>;
    addAction(caller: EventCaller, input: Out<typeof addActionInput>): Promise<AgreementDto>;
    updateAction(caller: EventCaller, input: Out<typeof updateActionInput>): Promise<AgreementDto>;
    endorsements(caller: EventCaller, input: Out<typeof agreementIdInput>): Promise<Out<typeof endorsementDto>[]>;
    verifyEndorsement(
      caller: EventCaller,
      input: Out<typeof verifyEndorsementInput>,
    ): Promise<Out<typeof endorsementDto>>;
    organisations(
      caller: EventCaller,
      input: Out<typeof searchOrganisationsInput>,
    ): Promise<Out<typeof organisationOptionDto>[]>;
  };
  portalAgreements: {
    registry(caller: Caller, input: Out<typeof publicRegistryInput>): Promise<PublicAgreementSummaryDto[]>;
    agreement(caller: Caller, input: Out<typeof publicAgreementInput>): Promise<PublicAgreementDto>;
    endorse(caller: PersonCaller, input: Out<typeof endorseInput>): Promise<Out<typeof endorseOutput>>;
  };
  agreementsApi: {
    registry(caller: PartnerCaller): Promise<PublicAgreementSummaryDto[]>;
  };
}
