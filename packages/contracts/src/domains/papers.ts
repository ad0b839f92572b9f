import { z } from 'zod';
import type { EventCaller, Caller, PersonCaller } from '../context';
import { msg } from '../messages';
import { emailSchema, idSchema, localizedText, requiredLocalizedText } from './common';

// The call for papers (issue 11 §2): staff set it up, authors submit on the portal.

export const blindModes = ['single', 'double', 'open'] as const;
export const submissionKinds = ['full_paper', 'extended_abstract', 'poster', 'session_proposal'] as const;
export const submissionStatuses = ['draft', 'submitted', 'withdrawn'] as const;
export const conflictTypes = ['same_institution', 'collaborator', 'advisor', 'personal', 'other'] as const;
export const cfpConsentKinds = ['publication', 'presentation'] as const;

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

/** A wall-clock time in the event's zone, as staff type it: 2015-10-15T23:59. */
export const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: msg('dateTime') });

/**
 * ORCID iD: four groups of four, the last character an ISO 7064 MOD 11-2 check
 * digit (X stands for 10), as orcid.org computes it.
 */
export function isValidOrcid(value: string): boolean {
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(value)) return false;
  const digits = value.replace(/-/g, '');
  let total = 0;
  for (const ch of digits.slice(0, 15)) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  const check = result === 10 ? 'X' : String(result);
  return digits[15] === check;
}

export const orcidSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidOrcid, {
    error: 'Enter an ORCID iD such as 0000-0002-1825-0097 (its last digit is a checksum)',
  });

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: msg('country') });

// Staff: the call's set-up ------------------------------------------------------

export const cfpSettingsInput = z.object({
  eventId: idSchema,
  opensAt: localDateTime.nullable(),
  deadline: localDateTime.nullable(),
  graceMinutes: z.number().int().min(0).max(1440),
  blindMode: z.enum(blindModes),
});

export const cfpTrackInput = z.object({
  eventId: idSchema,
  trackId: idSchema.optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/),
  name: localizedText(200).refine((v) => Boolean(v.ko || v.en), { error: msg('koreanOrEnglish') }),
  position: z.number().int().min(0).max(1000).default(0),
});

export const cfpTypeInput = z.object({
  eventId: idSchema,
  kind: z.enum(submissionKinds),
  name: localizedText(200).refine((v) => Boolean(v.ko || v.en), { error: msg('koreanOrEnglish') }),
  pageLimit: z.number().int().min(1).max(500).nullable(),
  abstractWordLimit: z.number().int().min(10).max(5000).nullable(),
  fileRequired: z.boolean(),
  maxMegabytes: z.number().int().min(1).max(50).default(10),
  position: z.number().int().min(0).max(1000).default(0),
});

export const cfpConsentInput = z.object({
  eventId: idSchema,
  kind: z.enum(cfpConsentKinds),
  text: localizedText(5000).refine((v) => Boolean(v.ko || v.en), { error: msg('koreanOrEnglish') }),
  required: z.boolean(),
});

export const cfpTrackDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: text,
  position: z.number().int(),
});
export const cfpTypeDto = z.object({
  id: z.uuid(),
  kind: z.enum(submissionKinds),
  name: text,
  pageLimit: z.number().int().nullable(),
  abstractWordLimit: z.number().int().nullable(),
  fileRequired: z.boolean(),
  maxMegabytes: z.number().int(),
  position: z.number().int(),
});
export const cfpConsentDto = z.object({
  kind: z.enum(cfpConsentKinds),
  version: z.number().int(),
  text,
  required: z.boolean(),
  current: z.boolean(),
  createdAt: z.string(),
});

/** The window: instants (ISO) and the same as wall-clock times in the event's zone. */
export const cfpWindowDto = z.object({
  timeZone: z.string(),
  opensAt: z.string().nullable(),
  deadline: z.string().nullable(),
  opensAtLocal: z.string().nullable(),
  deadlineLocal: z.string().nullable(),
  graceMinutes: z.number().int(),
  /** Open now (after opening, before deadline plus grace). */
  open: z.boolean(),
});

export const cfpSetupDto = z.object({
  window: cfpWindowDto,
  blindMode: z.enum(blindModes),
  tracks: z.array(cfpTrackDto),
  types: z.array(cfpTypeDto),
  consents: z.array(cfpConsentDto),
});

// Submissions -------------------------------------------------------------------

export const submissionAuthorInput = z.object({
  email: emailSchema,
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  affiliation: z.string().trim().min(1).max(300),
  country: countryCode,
  orcid: orcidSchema.nullish(),
  presenting: z.boolean().default(false),
});

export const submissionFieldsInput = z.object({
  trackId: idSchema.nullable(),
  typeId: idSchema.nullable(),
  title: requiredLocalizedText(300),
  abstract: localizedText(20000).default({}),
  keywords: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  authors: z.array(submissionAuthorInput).min(1).max(20),
  reviewerConflicts: z
    .array(z.object({ userId: idSchema, type: z.enum(conflictTypes) }))
    .max(100)
    .default([]),
  institutionConflicts: z
    .array(
      z.object({
        organisationId: idSchema.nullable().default(null),
        name: z.string().trim().min(1).max(300),
      }),
    )
    .max(30)
    .default([]),
});

export const createSubmissionInput = submissionFieldsInput.extend({ eventId: idSchema });
export const updateSubmissionInput = submissionFieldsInput.extend({ submissionId: idSchema });
export const submissionIdInput = z.object({ submissionId: idSchema });
export const submitSubmissionInput = z.object({
  submissionId: idSchema,
  consents: z
    .array(z.object({ kind: z.enum(cfpConsentKinds), version: z.number().int().min(1) }))
    .max(10)
    .default([]),
});
export const uploadSubmissionPdfInput = z.object({
  submissionId: idSchema,
  filename: z.string().trim().min(1).max(200),
  /** The PDF as base64 (the tRPC request body is capped; the type's own limit applies too). */
  contentBase64: z.string().max(14_000_000),
});
export const confirmAuthorshipInput = z.object({ token: z.string().trim().min(20).max(100) });
export const mySubmissionsInput = z.object({ eventId: idSchema.optional() });

export const submissionAuthorDto = z.object({
  position: z.number().int(),
  personId: z.uuid(),
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  affiliation: z.string(),
  organisationId: z.uuid().nullable(),
  country: z.string(),
  orcid: z.string().nullable(),
  presenting: z.boolean(),
  confirmed: z.boolean(),
});

export const submissionDto = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  status: z.enum(submissionStatuses),
  trackId: z.uuid().nullable(),
  typeId: z.uuid().nullable(),
  title: text,
  abstract: text,
  keywords: z.array(z.string()),
  authors: z.array(submissionAuthorDto),
  reviewerConflicts: z.array(z.object({ userId: z.uuid(), type: z.enum(conflictTypes) })),
  institutionConflicts: z.array(z.object({ organisationId: z.uuid().nullable(), name: z.string() })),
  file: z
    .object({ fileId: z.uuid(), filename: z.string(), size: z.number().int(), pages: z.number().int() })
    .nullable(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Whether the signed-in person may change it (the submitter, before the deadline plus grace). */
  editable: z.boolean(),
});

export const submissionVersionDto = z.object({
  version: z.number().int(),
  action: z.string(),
  actorKind: z.string(),
  at: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const submissionDetailDto = submissionDto.extend({ versions: z.array(submissionVersionDto) });

export const submissionSortFields = ['createdAt', 'updatedAt', 'title', 'status'] as const;
export const submissionListInput = z.object({
  eventId: idSchema,
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(200).default(25),
  sort: z.enum(submissionSortFields).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z.enum(submissionStatuses).optional(),
  trackId: idSchema.optional(),
  search: z.string().trim().max(100).optional(),
});
export const submissionRowDto = z.object({
  id: z.uuid(),
  status: z.enum(submissionStatuses),
  title: text,
  track: text.nullable(),
  type: text.nullable(),
  firstAuthor: z.string(),
  authors: z.number().int(),
  countries: z.array(z.string()),
  pages: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export const submissionListOutput = z.object({ rows: z.array(submissionRowDto), total: z.number().int() });
export const staffSubmissionInput = z.object({ eventId: idSchema, submissionId: idSchema });

// The public call (portal event page) ------------------------------------------------

export const publicCallInput = z.object({ slug: z.string().trim().min(1).max(64) });
export const publicCallDto = z.object({
  eventId: z.uuid(),
  window: cfpWindowDto,
  tracks: z.array(cfpTrackDto),
  types: z.array(cfpTypeDto),
  consents: z.array(cfpConsentDto),
});
export const publicCallOutput = publicCallDto.nullable();
export const eventReviewersInput = z.object({ eventId: idSchema });
export const eventReviewerDto = z.object({ userId: z.uuid(), displayName: z.string() });

/** The papers module's section on My conference. */
export const submissionSectionDto = z.object({
  kind: z.literal('submissions'),
  submissions: z.array(
    z.object({ id: z.uuid(), title: text, status: z.enum(submissionStatuses), mine: z.boolean() }),
  ),
});

type Out<T extends z.ZodType> = z.output<T>;
type Parsed<T extends z.ZodType> = z.output<T>;

export interface PaperServices {
  papers: {
    setup(caller: EventCaller): Promise<Out<typeof cfpSetupDto>>;
    saveSettings(
      caller: EventCaller,
      input: Parsed<typeof cfpSettingsInput>,
    ): Promise<Out<typeof cfpSetupDto>>;
    saveTrack(caller: EventCaller, input: Parsed<typeof cfpTrackInput>): Promise<Out<typeof cfpTrackDto>>;
    saveType(caller: EventCaller, input: Parsed<typeof cfpTypeInput>): Promise<Out<typeof cfpTypeDto>>;
    publishConsent(
      caller: EventCaller,
      input: Parsed<typeof cfpConsentInput>,
    ): Promise<Out<typeof cfpConsentDto>>;
    list(
      caller: EventCaller,
      input: Parsed<typeof submissionListInput>,
    ): Promise<Out<typeof submissionListOutput>>;
    get(
      caller: EventCaller,
      input: Parsed<typeof staffSubmissionInput>,
    ): Promise<Out<typeof submissionDetailDto>>;
  };
  cfp: {
    openCall(caller: Caller, input: Parsed<typeof publicCallInput>): Promise<Out<typeof publicCallOutput>>;
    confirmAuthorship(
      caller: Caller,
      input: Parsed<typeof confirmAuthorshipInput>,
    ): Promise<{ title: Out<typeof text> }>;
  };
  mySubmissions: {
    list(
      caller: PersonCaller,
      input: Parsed<typeof mySubmissionsInput>,
    ): Promise<Out<typeof submissionDto>[]>;
    get(
      caller: PersonCaller,
      input: Parsed<typeof submissionIdInput>,
    ): Promise<Out<typeof submissionDetailDto>>;
    reviewers(
      caller: PersonCaller,
      input: Parsed<typeof eventReviewersInput>,
    ): Promise<Out<typeof eventReviewerDto>[]>;
    create(
      caller: PersonCaller,
      input: Parsed<typeof createSubmissionInput>,
    ): Promise<Out<typeof submissionDto>>;
    update(
      caller: PersonCaller,
      input: Parsed<typeof updateSubmissionInput>,
    ): Promise<Out<typeof submissionDto>>;
    uploadPdf(
      caller: PersonCaller,
      input: Parsed<typeof uploadSubmissionPdfInput>,
    ): Promise<Out<typeof submissionDto>>;
    submit(
      caller: PersonCaller,
      input: Parsed<typeof submitSubmissionInput>,
    ): Promise<Out<typeof submissionDto>>;
    withdraw(
      caller: PersonCaller,
      input: Parsed<typeof submissionIdInput>,
    ): Promise<Out<typeof submissionDto>>;
  };
}
