import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { and, eq, inArray, isNull, lt, schema } from '@plenary/db';
import {
  DomainError,
  MAX_UPLOAD_BYTES,
  uploadContentTypes,
  type FormQuestion,
  type Services,
} from '@plenary/contracts';
import type { Runtime, UnitOfWork } from '../../core/runtime';

const { events, registrationSettings, registrationFiles } = schema;

/**
 * Keeps a file for a file question, once its content (not its name) shows it is
 * a PDF, JPEG or PNG. It belongs to no registration until one is placed with it.
 */
export async function uploadFile(
  runtime: Runtime,
  input: Parameters<Services['portalRegistration']['uploadFile']>[1],
) {
  const [event] = await runtime.db
    .select({ status: events.status })
    .from(events)
    .where(eq(events.id, input.eventId));
  if (event?.status !== 'published') throw new DomainError('NOT_FOUND', 'No published event has this id');
  const [settings] = await runtime.db
    .select({ questions: registrationSettings.questions })
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, input.eventId));
  const question = (settings?.questions ?? []).find((q) => q.id === input.questionId);
  if (question?.type !== 'file')
    throw new DomainError('INVALID_INPUT', 'This form has no such file question', {
      questionId: ['No such file question'],
    });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64)) {
    throw new DomainError('INVALID_INPUT', 'The file is not valid base64', {
      contentBase64: ['Not valid base64'],
    });
  }
  const data = Buffer.from(input.contentBase64, 'base64');
  if (data.length > MAX_UPLOAD_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', 'The file is too large (at most 700 KB)', {
      contentBase64: ['At most 700 KB'],
    });
  if (data.length === 0)
    throw new DomainError('INVALID_INPUT', 'The file is empty', { contentBase64: ['The file is empty'] });
  const kind = await fileTypeFromBuffer(data);
  const contentType = uploadContentTypes.find((t) => t === kind?.mime);
  if (!contentType) {
    const message = `Send a PDF, JPEG or PNG file (this one is ${kind ? kind.ext.toUpperCase() : 'of an unknown type'}, whatever its name says)`;
    throw new DomainError('INVALID_INPUT', message, { contentBase64: [message] });
  }
  const [row] = await runtime.db
    .insert(registrationFiles)
    .values({
      eventId: input.eventId,
      filename: input.filename.replace(/[/\\]/g, '_'),
      contentType,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      createdAt: runtime.now(),
    })
    .returning({ id: registrationFiles.id });
  if (!row) throw new Error('file insert returned nothing');
  return { fileId: row.id, filename: input.filename, contentType, size: data.length };
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
  const attached = await uow.tx
    .update(registrationFiles)
    .set({ registrationId })
    .where(
      and(
        eq(registrationFiles.eventId, eventId),
        isNull(registrationFiles.registrationId),
        inArray(
          registrationFiles.id,
          fileIds.map((f) => f.id),
        ),
      ),
    )
    .returning({ id: registrationFiles.id });
  const done = new Set(attached.map((a) => a.id));
  const missing = fileIds.filter((f) => !done.has(f.id));
  if (missing.length) {
    throw new DomainError(
      'INVALID_INPUT',
      'Upload the file again',
      Object.fromEntries(missing.map((f) => [`${prefix}answers.${f.q}`, ['Upload the file again']])),
    );
  }
}

/** An upload no registration claimed within this long was abandoned (or sent by a script). */
export const ORPHAN_UPLOAD_HOURS = 24;

/** Removes uploads that no registration claimed within a day; answers how many. */
export async function removeOrphanUploads(runtime: Runtime): Promise<number> {
  const before = new Date(runtime.now().getTime() - ORPHAN_UPLOAD_HOURS * 3_600_000);
  const removed = await runtime.db
    .delete(registrationFiles)
    .where(and(isNull(registrationFiles.registrationId), lt(registrationFiles.createdAt, before)))
    .returning({ id: registrationFiles.id });
  return removed.length;
}

/**
 * Sweeps orphan uploads every hour. A stop-gap timer beside the registration
 * timers, until the scheduled-job mechanism takes it over.
 */
export function startOrphanUploadSweep(runtime: Runtime, everyMs = 3_600_000): () => void {
  const timer = setInterval(() => {
    removeOrphanUploads(runtime).catch((err: unknown) =>
      runtime.logger.error({ err }, 'removing orphan uploads failed'),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
