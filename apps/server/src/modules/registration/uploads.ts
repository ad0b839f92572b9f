import { eq, schema } from '@plenary/db';
import {
  DomainError,
  rateLimits,
  roles,
  uploadContentTypes,
  type FormQuestion,
  type Services,
} from '@plenary/contracts';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import type { FileOwnerCheck } from '../files/file-access';
import type { FileUpload } from '../files/files.http';
import { attachFiles as attachStoredFiles, defaultUploadBytes, storeFile } from '../files/files.service';

const { events, registrationSettings } = schema;

/** Files answering a form's file question are owned by their registration. */
export const REGISTRATION_FILE_OWNER = 'registration';
export const REGISTRATION_FILE_PURPOSE = 'registration.answer';

/** Largest file a question takes: its own limit, or the server's default (10 MB as shipped). */
export function questionUploadBytes(runtime: Runtime, question: Pick<FormQuestion, 'maxMegabytes'>): number {
  return question.maxMegabytes ? question.maxMegabytes * 1024 * 1024 : defaultUploadBytes(runtime);
}

/** The file question of a published event's form, or a DomainError (before any byte is read). */
export async function fileQuestionOf(
  runtime: Runtime,
  eventId: string,
  questionId: string,
): Promise<{ id: string; maxMegabytes?: number }> {
  const [event] = await runtime.db.select({ status: events.status }).from(events).where(eq(events.id, eventId));
  if (event?.status !== 'published') throw new DomainError('NOT_FOUND', { key: 'noPublishedEventWithId' });
  const [settings] = await runtime.db
    .select({ questions: registrationSettings.questions })
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId));
  const question = (settings?.questions ?? []).find((q) => q.id === questionId);
  if (question?.type !== 'file')
    throw new DomainError('INVALID_INPUT', { key: 'noSuchFileQuestion' }, {
      questionId: ['No such file question'],
    });
  // Stored questions passed formQuestion when saved; the limit is read defensively all the same.
  const max = question.maxMegabytes;
  return { id: question.id, ...(typeof max === 'number' && max > 0 ? { maxMegabytes: max } : {}) };
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function tooLarge(limitBytes: number, field: string): DomainError {
  const text = `At most ${megabytes(limitBytes)}`;
  return new DomainError('PAYLOAD_TOO_LARGE', { key: 'fileTooLargeAtMost', params: { max: megabytes(limitBytes) } }, {
    [field]: [text],
  });
}

/** Keeps a checked file for a file question (the bytes already read, within the question's limit). */
export async function storeAnswerFile(
  runtime: Runtime,
  input: { eventId: string; questionId: string; filename: string; data: Buffer; field: string },
) {
  const question = await fileQuestionOf(runtime, input.eventId, input.questionId);
  const limit = questionUploadBytes(runtime, question);
  if (input.data.length > limit) throw tooLarge(limit, input.field);
  return storeFile(runtime, {
    eventId: input.eventId,
    purpose: REGISTRATION_FILE_PURPOSE,
    filename: input.filename,
    data: input.data,
    accepted: uploadContentTypes,
    field: input.field,
  });
}

/**
 * The tRPC upload, for small files sent as base64 (its request is capped at 1 MB).
 * The portal streams files to /files/registration/... instead (files.http.ts).
 */
export async function uploadFile(
  runtime: Runtime,
  input: Parameters<Services['portalRegistration']['uploadFile']>[1],
) {
  await fileQuestionOf(runtime, input.eventId, input.questionId);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) {
    throw new DomainError('INVALID_INPUT', { key: 'fileNotBase64' }, {
      contentBase64: ['Not valid base64'],
    });
  }
  const data = Buffer.from(input.contentBase64, 'base64');
  return storeAnswerFile(runtime, { ...input, data, field: 'contentBase64' });
}

/** Ties the uploaded files a registration's answers name to it; a file is used once. */
export async function attachFiles(
  uow: UnitOfWork,
  eventId: string,
  registrationId: string,
  questions: FormQuestion[],
  answers: Record<string, unknown>,
  prefix = '',
) {
  const fileIds = questions
    .filter((q) => q.type === 'file' && typeof answers[q.id] === 'string')
    .map((q) => ({ q: q.id, id: answers[q.id] as string }));
  if (!fileIds.length) return;
  const done = await attachStoredFiles(
    uow.tx,
    new Date(),
    { eventId, purpose: REGISTRATION_FILE_PURPOSE, ownerKind: REGISTRATION_FILE_OWNER, ownerId: registrationId },
    fileIds.map((f) => f.id),
  );
  const missing = fileIds.filter((f) => !done.has(f.id));
  if (missing.length) {
    throw new DomainError(
      'INVALID_INPUT',
      { key: 'uploadFileAgain' },
      Object.fromEntries(missing.map((f) => [`${prefix}answers.${f.q}`, ['Upload the file again']])),
    );
  }
}

/**
 * Who may open a registration's file: whoever holds that registration's link,
 * and the event's desk roles (owner, admin, staff; platform administrators
 * too), after their second factor and, where the event asks for it, with
 * two-factor sign-in set up: the same rule as the participant list.
 */
export const registrationFileAccess: FileOwnerCheck = async ({ services }, file, viewer) => {
  if (viewer.linkToken) {
    const link = await services.access.registrationLink(viewer.linkToken);
    if (link?.registrationId === file.ownerId) return true;
  }
  const actor = viewer.actor;
  if (!actor?.secondFactorDone || !file.eventId) return false;
  const standing = await services.access.eventAccess(actor, file.eventId);
  if (!standing) return false;
  if (standing.requireTwoFactor && !actor.totpEnabled) return false;
  if (actor.isPlatformAdmin) return true;
  return standing.role !== null && (roles.desk as readonly string[]).includes(standing.role);
};

const eventIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A form's file question takes its file over HTTP (files.http.ts), streamed, up to
 * the question's limit; its attempts share the tRPC upload's per-IP budget.
 */
export function registrationAnswerUpload(runtime: Runtime): FileUpload {
  const target = (params: Record<string, string>) => {
    const eventId = params.eventId ?? '';
    if (!eventIdPattern.test(eventId)) throw new DomainError('NOT_FOUND', { key: 'noPublishedEventWithId' });
    return { eventId, questionId: (params.questionId ?? '').slice(0, 40) };
  };
  return {
    path: '/registration/:eventId/:questionId',
    limits: rateLimits.upload,
    budget: 'portalRegistration.uploadFile#0',
    async prepare(params) {
      const { eventId, questionId } = target(params);
      return { limitBytes: questionUploadBytes(runtime, await fileQuestionOf(runtime, eventId, questionId)) };
    },
    store: (params, file) => storeAnswerFile(runtime, { ...target(params), ...file, field: 'file' }),
    tooLarge: (limitBytes) => tooLarge(limitBytes, 'file'),
  };
}
