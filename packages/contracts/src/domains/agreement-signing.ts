import { z } from 'zod';
import type { Caller, EventCaller, PersonCaller } from '../context';
import { msg } from '../messages';
import { idSchema, localizedText } from './common';

/**
 * Signing an agreement (issue 13): staff freeze one version in an envelope and name
 * who signs it, for which party, in what order; each signatory signs on the portal,
 * signed in with their participant account, against the SHA-256 they were shown.
 */
export const recipientRoles = ['signer', 'approver', 'witness', 'cc'] as const;
export type RecipientRole = (typeof recipientRoles)[number];
export const signingOrders = ['sequential', 'parallel'] as const;
export const envelopeStatuses = ['out', 'completed', 'declined', 'cancelled'] as const;
export const recipientStatuses = ['pending', 'signed', 'declined'] as const;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: msg('sha256Hex') });
const localized = z.object({ ko: z.string().optional(), en: z.string().optional() });

/**
 * A drawn signature is a PNG data URL from the signing pad. 300 KB of base64 holds a
 * full-width pad at phone resolution many times over; the server still checks the
 * bytes are a PNG (signatureNotPng) rather than trusting the prefix.
 */
export const MAX_SIGNATURE_DATA_URL = 300_000;

export const recipientInput = z.object({
  /** One of the agreement's parties: the person signs on its behalf. */
  organisationId: idSchema,
  role: z.enum(recipientRoles),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email({ error: msg('email') })),
  givenName: z.string().trim().min(1, { error: msg('required') }).max(100),
  familyName: z.string().trim().min(1, { error: msg('required') }).max(100),
  title: localizedText(200).default({}),
  onBehalfOf: localizedText(300).default({}),
  /** The step in a sequential envelope (1 first); ignored when parallel. */
  step: z.number().int().min(1).max(50).default(1),
});

export const sendForSigningInput = z.object({
  eventId: idSchema,
  agreementId: idSchema,
  /** The version staff reviewed, and its hash: a newer save meanwhile refuses the send. */
  versionNumber: z.number().int().min(1),
  versionSha256: sha256Schema,
  order: z.enum(signingOrders),
  recipients: z.array(recipientInput).min(1).max(40),
});
export type SendForSigningInput = z.infer<typeof sendForSigningInput>;

export const envelopeInput = z.object({ eventId: idSchema, agreementId: idSchema });
export const cancelEnvelopeInput = envelopeInput.extend({ reason: z.string().trim().min(1).max(1000) });

export const signatureInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('typed'), name: z.string().trim().min(1, { error: msg('required') }).max(200) }),
  z.object({
    kind: z.literal('drawn'),
    dataUrl: z
      .string()
      .max(MAX_SIGNATURE_DATA_URL, { error: msg('signatureTooLarge') })
      .startsWith('data:image/png;base64,', { error: msg('signatureNotPng') }),
  }),
]);
export type SignatureInput = z.infer<typeof signatureInput>;

export const signingRequestInput = z.object({ envelopeId: idSchema });
export const signInput = signingRequestInput.extend({
  /** The hash of the text the signer was shown: a different one is refused. */
  sha256: sha256Schema,
  signature: signatureInput,
});
export const declineInput = signingRequestInput.extend({ reason: z.string().trim().min(1, { error: msg('required') }).max(2000) });

// ---- Outputs ----

export const recipientDto = z.object({
  id: z.string(),
  role: z.enum(recipientRoles),
  name: z.string(),
  email: z.string(),
  organisation: localized,
  title: localized,
  onBehalfOf: localized,
  step: z.number().int(),
  status: z.enum(recipientStatuses),
  signedAt: z.string().nullable(),
});

export const trailEntryDto = z.object({
  action: z.string(),
  actorName: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  sha256: z.string(),
  detail: z.string().nullable(),
  at: z.string(),
});

export const envelopeDto = z.object({
  id: z.string(),
  agreementId: z.string(),
  versionNumber: z.number().int(),
  versionSha256: z.string(),
  order: z.enum(signingOrders),
  status: z.enum(envelopeStatuses),
  sentAt: z.string(),
  completedAt: z.string().nullable(),
  declinedReason: z.string().nullable(),
  recipients: z.array(recipientDto),
  trail: z.array(trailEntryDto),
});
export type EnvelopeDto = z.infer<typeof envelopeDto>;

/** What a signatory sees on the portal: the frozen text, whose turn it is, their own part. */
export const signingRequestDto = z.object({
  envelopeId: z.string(),
  status: z.enum(envelopeStatuses),
  title: localized,
  versionNumber: z.number().int(),
  sha256: z.string(),
  clauses: z.array(
    z.object({ key: z.string(), heading: localized, body: localized }),
  ),
  me: z.object({
    role: z.enum(recipientRoles),
    organisation: localized,
    title: localized,
    onBehalfOf: localized,
    status: z.enum(recipientStatuses),
    /** True when the order lets this signatory act now. */
    myTurn: z.boolean(),
  }),
  recipients: z.array(recipientDto.omit({ email: true })),
});
export type SigningRequestDto = z.infer<typeof signingRequestDto>;

export const signOutput = z.object({ status: z.enum(recipientStatuses), envelopeStatus: z.enum(envelopeStatuses) });

/**
 * Anyone may check a document: by its file (hashed on the server) or by the code
 * printed on it. 14 MB of base64 holds a 10 MB PDF, far beyond a sealed agreement.
 */
export const verifyDocumentInput = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^PLN-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { error: msg('documentCode') })
      .optional(),
    pdfBase64: z.string().max(14_000_000).optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.pdfBase64), { error: msg('codeOrFile') });

export const verifyDocumentOutput = z.object({
  /** sealed: the file is, byte for byte, a document the platform sealed; registered: the code is known. */
  result: z.enum(['sealed', 'registered', 'unknown']),
  document: z
    .object({
      code: z.string(),
      sha256: z.string(),
      sealedAt: z.string(),
      title: localized,
      versionNumber: z.number().int(),
      versionSha256: z.string(),
      signatories: z.array(
        z.object({ role: z.enum(recipientRoles), name: z.string(), title: localized, organisation: localized, signedAt: z.string() }),
      ),
    })
    .nullable(),
});
export type VerifyDocumentOutput = z.infer<typeof verifyDocumentOutput>;

type Out<T extends z.ZodType> = z.output<T>;

export interface AgreementSigningServices {
  agreementSigning: {
    send(caller: EventCaller, input: SendForSigningInput): Promise<EnvelopeDto>;
    envelope(caller: EventCaller, input: Out<typeof envelopeInput>): Promise<EnvelopeDto | null>;
    cancel(caller: EventCaller, input: Out<typeof cancelEnvelopeInput>): Promise<EnvelopeDto>;
  };
  portalSigning: {
    request(caller: PersonCaller, input: Out<typeof signingRequestInput>): Promise<SigningRequestDto>;
    sign(caller: PersonCaller, input: Out<typeof signInput>): Promise<Out<typeof signOutput>>;
    decline(caller: PersonCaller, input: Out<typeof declineInput>): Promise<Out<typeof signOutput>>;
    verify(caller: Caller, input: Out<typeof verifyDocumentInput>): Promise<VerifyDocumentOutput>;
  };
}
