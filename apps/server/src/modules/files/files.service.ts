import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, lt, schema, type Executor } from '@plenary/db';
import { DEFAULT_UPLOAD_MEGABYTES, DomainError } from '@plenary/contracts';
import type { DomainMessage } from '@plenary/contracts/domain-messages';
import type { Runtime } from '../../core/runtime';
import { checkContent, type CheckableType } from './content-check';
import { postgresFileStore, type FileStore } from './file-store';

const { files } = schema;

/** The stores a file can be read back from, by files.store. */
const stores: Record<string, FileStore> = { [postgresFileStore.name]: postgresFileStore };
/** Where new files go. */
const currentStore = postgresFileStore;

/** Largest file where its use sets no limit (PLENARY_UPLOAD_MAX_MB, 10 MB as shipped). */
export function defaultUploadBytes(runtime: Runtime): number {
  return runtime.config.uploadMaxBytes ?? DEFAULT_UPLOAD_MEGABYTES * 1024 * 1024;
}

export interface NewFile {
  eventId: string | null;
  /** What the file is for, e.g. "registration.answer". */
  purpose: string;
  filename: string;
  data: Buffer;
  accepted: readonly CheckableType[];
  /** The field an error names (contentBase64 for the tRPC upload, file for the HTTP one). */
  field: string;
}

export interface StoredFile {
  fileId: string;
  filename: string;
  contentType: CheckableType;
  size: number;
}

const typeNames: Record<CheckableType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** A file name without path separators or control characters, at most 200 characters. */
export function safeFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[/\\]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned === '' ? 'file' : cleaned;
}

/**
 * Keeps a file once its content shows it is of an accepted type and whole. It
 * owns nothing until its object claims it (attachFiles); unclaimed, the orphan
 * job removes it.
 */
export async function storeFile(runtime: Runtime, file: NewFile): Promise<StoredFile> {
  if (file.data.length === 0)
    throw new DomainError('INVALID_INPUT', { key: 'fileEmpty' }, { [file.field]: ['The file is empty'] });
  const verdict = await checkContent(file.data, file.accepted);
  if (!verdict.ok) {
    const names = file.accepted.map((t) => typeNames[t]);
    const wanted = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? '');
    const message =
      verdict.reason === 'type'
        ? `Send a ${wanted} file (this one is ${verdict.found ? verdict.found.toUpperCase() : 'of an unknown type'}, whatever its name says)`
        : `This ${typeNames[verdict.contentType]} file is damaged or incomplete: save it again and send it once more`;
    const found = verdict.reason === 'type' ? verdict.found?.toUpperCase() : undefined;
    const types = names.slice(0, -1).join(', ');
    const last = names.at(-1) ?? '';
    // Written out key by key, so domain-messages.test.ts sees each one.
    const words: DomainMessage =
      verdict.reason !== 'type'
        ? { key: 'fileDamaged', params: { type: typeNames[verdict.contentType] } }
        : names.length > 1
          ? found
            ? { key: 'fileWrongTypeOfSeveral', params: { types, last, found } }
            : { key: 'fileUnknownTypeOfSeveral', params: { types, last } }
          : found
            ? { key: 'fileWrongType', params: { type: last, found } }
            : { key: 'fileUnknownType', params: { type: last } };
    throw new DomainError('INVALID_INPUT', words, { [file.field]: [message] });
  }
  const filename = safeFilename(file.filename);
  const id = await runtime.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(files)
      .values({
        eventId: file.eventId,
        purpose: file.purpose,
        filename,
        contentType: verdict.contentType,
        size: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        store: currentStore.name,
        createdAt: runtime.now(),
      })
      .returning({ id: files.id });
    if (!row) throw new Error('file insert returned nothing');
    await currentStore.put(tx, row.id, file.data);
    return row.id;
  });
  return { fileId: id, filename, contentType: verdict.contentType, size: file.data.length };
}

/**
 * Gives unclaimed files of one event and purpose to their owner object, in the
 * caller's transaction; answers the ids it took (a file is claimed once).
 */
export async function attachFiles(
  tx: Executor,
  now: Date,
  target: { eventId: string; purpose: string; ownerKind: string; ownerId: string },
  fileIds: string[],
): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const attached = await tx
    .update(files)
    .set({ ownerKind: target.ownerKind, ownerId: target.ownerId, attachedAt: now })
    .where(
      and(
        eq(files.eventId, target.eventId),
        eq(files.purpose, target.purpose),
        isNull(files.ownerId),
        inArray(files.id, fileIds),
      ),
    )
    .returning({ id: files.id });
  return new Set(attached.map((a) => a.id));
}

export type FileRecord = Pick<
  typeof files.$inferSelect,
  'id' | 'eventId' | 'ownerKind' | 'ownerId' | 'filename' | 'contentType' | 'size' | 'sha256' | 'store'
>;

/** What is known about a file, without its bytes. */
export async function findFile(db: Executor, fileId: string): Promise<FileRecord | null> {
  const [row] = await db
    .select({
      id: files.id,
      eventId: files.eventId,
      ownerKind: files.ownerKind,
      ownerId: files.ownerId,
      filename: files.filename,
      contentType: files.contentType,
      size: files.size,
      sha256: files.sha256,
      store: files.store,
    })
    .from(files)
    .where(eq(files.id, fileId));
  return row ?? null;
}

export async function readFileBytes(db: Executor, file: FileRecord): Promise<Buffer | null> {
  const store = stores[file.store];
  if (!store) throw new Error(`file ${file.id} is in an unknown store ${file.store}`);
  return store.get(db, file.id);
}

/** Hours an upload may wait for its object (PLENARY_ORPHAN_FILE_HOURS, a day as shipped). */
export const ORPHAN_FILE_HOURS = 24;

/** Removes files no object claimed in time, bytes included; answers how many. */
export async function removeOrphanFiles(runtime: Runtime): Promise<number> {
  const hours = runtime.config.orphanFileHours ?? ORPHAN_FILE_HOURS;
  const before = new Date(runtime.now().getTime() - hours * 3_600_000);
  return runtime.db.transaction(async (tx) => {
    const removed = await tx
      .delete(files)
      .where(and(isNull(files.ownerId), lt(files.createdAt, before)))
      .returning({ id: files.id, store: files.store });
    for (const [name, store] of Object.entries(stores)) {
      const ids = removed.filter((r) => r.store === name).map((r) => r.id);
      if (ids.length > 0 && store !== postgresFileStore) await store.remove(tx, ids);
    }
    return removed.length;
  });
}
