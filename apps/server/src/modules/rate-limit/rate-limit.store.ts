import { createHash } from 'node:crypto';
import { lt, schema, sql, type Executor } from '@plenary/db';
import { selectRows } from '../../core/sql';

const { rateLimitCounters: counters } = schema;

/** A bucket is stored by its hash: names may hold an email address or a link's secret. */
export function bucketKey(bucket: string): string {
  return createHash('sha256').update(bucket).digest('base64url');
}

export interface Counted {
  bucket: string;
  hits: number;
  expiresAt: Date;
}

/**
 * Counts one hit in each bucket in ONE statement: an upsert that starts a new
 * window when the stored one has ended and otherwise adds one, returning the
 * count after this hit. PostgreSQL takes the row lock for the update, so of N
 * concurrent hits each sees a distinct count (1..N): none can slip under the
 * limit beside another. Buckets are sorted so two multi-bucket statements lock
 * rows in the same order (no deadlock).
 */
export async function countHits(
  db: Executor,
  hits: ReadonlyArray<{ bucket: string; windowSeconds: number }>,
  now: Date,
): Promise<Counted[]> {
  if (hits.length === 0) return [];
  const byKey = new Map(hits.map((h) => [bucketKey(h.bucket), h]));
  const rows = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([key, h]) =>
        sql`(${key}, 1, ${new Date(now.getTime() + h.windowSeconds * 1000).toISOString()}::timestamptz)`,
    );
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await selectRows<{ bucket: string; hits: number; expires_at: string | Date }>(
    db,
    sql`
    insert into rate_limit_counters as c (bucket, hits, expires_at)
    values ${sql.join(rows, sql`, `)}
    on conflict (bucket) do update set
      hits = case when c.expires_at <= ${at} then 1 else c.hits + 1 end,
      expires_at = case when c.expires_at <= ${at} then excluded.expires_at else c.expires_at end
    returning c.bucket, c.hits, c.expires_at`,
  );
  return result.map((r) => {
    const h = byKey.get(r.bucket);
    if (!h) throw new Error('rate limit upsert returned an unknown bucket');
    return { bucket: h.bucket, hits: Number(r.hits), expiresAt: new Date(r.expires_at) };
  });
}

/** Takes back one hit (a sign-in that turned out right), within the same window only. */
export async function refundHit(db: Executor, bucket: string, now: Date): Promise<void> {
  await db.execute(sql`
    update rate_limit_counters set hits = greatest(hits - 1, 0)
    where bucket = ${bucketKey(bucket)} and expires_at > ${now.toISOString()}::timestamptz`);
}

/** Forgets a bucket: a password reset lifts the account's sign-in lock. */
export async function clearBucket(db: Executor, bucket: string): Promise<void> {
  await db.execute(sql`delete from rate_limit_counters where bucket = ${bucketKey(bucket)}`);
}

/** Removes counters whose window has ended; they would start afresh anyway. */
export async function purgeExpired(db: Executor, now: Date): Promise<number> {
  const rows = await db.delete(counters).where(lt(counters.expiresAt, now)).returning({ b: counters.bucket });
  return rows.length;
}
