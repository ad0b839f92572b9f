import { eq, inArray, schema, type Executor } from '@plenary/db';

/**
 * Where a file's bytes live. The files table keeps what is known about a file
 * (owner, name, type, size, sha256); a store keeps the bytes. PostgreSQL is the
 * store every deployment has, and every server process on the database reads
 * what another wrote; an S3-compatible store could implement the same three calls
 * (it would ignore the executor, and its `put` would run before the row commits,
 * leaving an unreferenced object if the transaction fails: the orphan job's to sweep).
 */
export interface FileStore {
  /** The value kept in files.store, so a file is read back from the store that holds it. */
  readonly name: string;
  put(db: Executor, fileId: string, data: Buffer): Promise<void>;
  get(db: Executor, fileId: string): Promise<Buffer | null>;
  remove(db: Executor, fileIds: string[]): Promise<void>;
}

/** Bytes as bytea in file_blobs (never base64), one row per file. */
export const postgresFileStore: FileStore = {
  name: 'postgres',
  async put(db, fileId, data) {
    await db.insert(schema.fileBlobs).values({ fileId, data });
  },
  async get(db, fileId) {
    const [row] = await db
      .select({ data: schema.fileBlobs.data })
      .from(schema.fileBlobs)
      .where(eq(schema.fileBlobs.fileId, fileId));
    return row?.data ?? null;
  },
  async remove(db, fileIds) {
    if (fileIds.length === 0) return;
    // The foreign key's cascade removes them with their files; this serves a caller that removes bytes alone.
    await db.delete(schema.fileBlobs).where(inArray(schema.fileBlobs.fileId, fileIds));
  },
};
