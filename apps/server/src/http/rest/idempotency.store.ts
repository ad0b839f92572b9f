import { and, eq, isNull, lt, schema, type Executor } from '@plenary/db';

const { idempotencyKeys: keys } = schema;

export interface StoredResponse {
  requestHash: string;
  /** null while the first request is in flight. */
  responseStatus: number | null;
  responseBody: unknown;
  createdAt: Date;
}

type KeyRef = { apiKeyId: string; key: string };
const byKey = (k: KeyRef) => and(eq(keys.apiKeyId, k.apiKeyId), eq(keys.key, k.key));

/**
 * Claims the key for this request. ON CONFLICT DO NOTHING makes the primary key
 * (api_key_id, key) the arbiter: of two racing requests exactly one inserts.
 */
export async function claimKey(
  db: Executor,
  k: KeyRef & { requestHash: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(keys)
    .values({ apiKeyId: k.apiKeyId, key: k.key, requestHash: k.requestHash, createdAt: k.now })
    .onConflictDoNothing()
    .returning({ key: keys.key });
  return rows.length === 1;
}

export async function findKey(db: Executor, k: KeyRef): Promise<StoredResponse | undefined> {
  const [row] = await db
    .select({
      requestHash: keys.requestHash,
      responseStatus: keys.responseStatus,
      responseBody: keys.responseBody,
      createdAt: keys.createdAt,
    })
    .from(keys)
    .where(byKey(k));
  return row;
}

export async function completeKey(db: Executor, k: KeyRef & { status: number; body: unknown; now: Date }) {
  await db
    .update(keys)
    .set({ responseStatus: k.status, responseBody: k.body, completedAt: k.now })
    .where(byKey(k));
}

/** Lets the client retry: used when the first attempt failed on our side (5xx). */
export async function releaseKey(db: Executor, k: KeyRef): Promise<void> {
  await db.delete(keys).where(and(byKey(k), isNull(keys.completedAt)));
}

/** Drops an in-flight claim whose request never finished (the process died), so the key is usable again. */
export async function releaseAbandoned(db: Executor, k: KeyRef & { before: Date }): Promise<void> {
  await db.delete(keys).where(and(byKey(k), isNull(keys.completedAt), lt(keys.createdAt, k.before)));
}

export async function purgeKeys(db: Executor, before: Date): Promise<void> {
  await db.delete(keys).where(lt(keys.createdAt, before));
}
