import { z } from 'zod';
import type { EventCaller, PartnerCaller, PersonCaller } from '../context';
import { idSchema, localizedText } from './common';

// Decisions (issue 11 §4): recorded as pending by the chairs, released together.
// Authors see nothing of a decision (not even that one is pending) before release.

/** The kinds every event has; an event adds its own (e.g. "accept as short talk"). */
export const builtInDecisionKinds = ['accept_oral', 'accept_poster', 'reject'] as const;
export const decisionStates = ['pending', 'released'] as const;

const text = z.object({ ko: z.string().optional(), en: z.string().optional() });

/** A code staff type for a custom kind: lower case, digits and underscores. */
const kindCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Use 2 to 40 lower-case letters, digits or underscores' });

export const decisionKindDto = z.object({
  code: z.string(),
  name: text,
  /** Whether the kind accepts the paper (camera-ready, programme, partner API). */
  accepted: z.boolean(),
  builtIn: z.boolean(),
});

export const saveDecisionKindInput = z.object({
  eventId: idSchema,
  code: kindCode,
  name: localizedText(120),
  accepted: z.boolean(),
});

export const decisionKindsInput = z.object({ eventId: idSchema });

export const decisionRowDto = z.object({
  submissionId: z.string(),
  title: text,
  status: z.string(),
  trackId: z.string().nullable(),
  typeId: z.string().nullable(),
  decision: z
    .object({
      kind: z.string(),
      state: z.enum(decisionStates),
      recordedAt: z.string(),
      releasedAt: z.string().nullable(),
    })
    .nullable(),
});

export const decisionListOutput = z.object({
  rows: decisionRowDto.array(),
  pending: z.number().int(),
  released: z.number().int(),
  /** The notices releasing now would send (one per confirmed author of a pending paper), for the confirmation. */
  pendingMails: z.number().int(),
});

/** One submission or many (bulk): the same kind for each, all or none saved. */
export const recordDecisionsInput = z.object({
  eventId: idSchema,
  submissionIds: z.array(idSchema).min(1).max(1000),
  kind: kindCode,
});

export const recordDecisionsOutput = z.object({ recorded: z.number().int() });

export const releaseDecisionsInput = z.object({ eventId: idSchema });
export const releaseDecisionsOutput = z.object({
  released: z.number().int(),
  accepted: z.number().int(),
  /** Notices put on the mail queue, one per confirmed author. */
  mails: z.number().int(),
});

/** The released decision on one of my submissions; null before release (pending or none alike). */
export const myDecisionInput = z.object({ submissionId: idSchema });
export const myDecisionDto = z.object({
  kind: z.string(),
  name: text,
  accepted: z.boolean(),
  releasedAt: z.string(),
  /** The final PDF an accepted paper's author uploaded (null: not yet, or not accepted). */
  cameraReady: z
    .object({ filename: z.string(), pageCount: z.number().int(), uploadedAt: z.string() })
    .nullable(),
  /** When an author confirmed the presenting author will register. */
  presenterConfirmedAt: z.string().nullable(),
});
export const myDecisionOutput = myDecisionDto.nullable();

/** The camera-ready PDF: the same checks as the submission's PDF (type's size and pages). */
export const uploadCameraReadyInput = z.object({
  submissionId: idSchema,
  filename: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(14_000_000),
});

/** Each accepted paper's presenting author and whether they registered for the event (the chairs' view). */
export const presenterRowDto = z.object({
  submissionId: z.string(),
  title: text,
  kind: z.string(),
  presenter: z.object({ givenName: z.string(), familyName: z.string(), email: z.string() }).nullable(),
  cameraReady: z.boolean(),
  presenterConfirmedAt: z.string().nullable(),
  registration: z.object({ reference: z.string(), status: z.string() }).nullable(),
});

/** The notices release would send for one submission's decision, one per confirmed author. */
export const previewDecisionMailInput = z.object({ eventId: idSchema, submissionId: idSchema });
export const previewDecisionMailOutput = z.object({
  mails: z
    .object({
      to: z.string(),
      locale: z.enum(['ko', 'en']),
      template: z.string(),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
    })
    .array(),
});

// Partner REST (issue 11 §5) -------------------------------------------------------

/** The event by id or slug, as the partner's key allows. */
export const apiProgrammeInput = z.object({ eventId: z.string().trim().min(1).max(64) });

/** An accepted paper as a partner reads it: no emails, no review, nothing before release. */
export const apiAcceptedPaperDto = z.object({
  id: z.string(),
  title: text,
  abstract: text,
  track: z.object({ code: z.string(), name: text }).nullable(),
  type: z.object({ kind: z.string(), name: text }).nullable(),
  decision: z.object({ kind: z.string(), name: text }),
  authors: z
    .object({
      position: z.number().int(),
      givenName: z.string(),
      familyName: z.string(),
      affiliation: z.string(),
      country: z.string(),
      presenting: z.boolean(),
    })
    .array(),
});

type Out<T extends z.ZodType> = z.output<T>;
type Parsed<T extends z.ZodType> = z.output<T>;

export interface DecisionServices {
  decisions: {
    kinds(caller: EventCaller): Promise<Out<typeof decisionKindDto>[]>;
    saveKind(
      caller: EventCaller,
      input: Parsed<typeof saveDecisionKindInput>,
    ): Promise<Out<typeof decisionKindDto>>;
    list(caller: EventCaller): Promise<Out<typeof decisionListOutput>>;
    record(
      caller: EventCaller,
      input: Parsed<typeof recordDecisionsInput>,
    ): Promise<Out<typeof recordDecisionsOutput>>;
    previewMail(
      caller: EventCaller,
      input: Parsed<typeof previewDecisionMailInput>,
    ): Promise<Out<typeof previewDecisionMailOutput>>;
    presenters(caller: EventCaller): Promise<Out<typeof presenterRowDto>[]>;
    release(caller: EventCaller): Promise<Out<typeof releaseDecisionsOutput>>;
  };
  programmeApi: {
    acceptedPapers(caller: PartnerCaller): Promise<Out<typeof apiAcceptedPaperDto>[]>;
  };
  myDecisions: {
    get(caller: PersonCaller, input: Parsed<typeof myDecisionInput>): Promise<Out<typeof myDecisionOutput>>;
    uploadCameraReady(
      caller: PersonCaller,
      input: Parsed<typeof uploadCameraReadyInput>,
    ): Promise<Out<typeof myDecisionDto>>;
    confirmPresenter(
      caller: PersonCaller,
      input: Parsed<typeof myDecisionInput>,
    ): Promise<Out<typeof myDecisionDto>>;
  };
}
