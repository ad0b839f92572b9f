import { and, count, desc, eq, ilike, insertRows, lt, schema, type Executor } from '@plenary/db';
import type { MailStatus } from '@plenary/db/schema';

export type MailRow = typeof schema.mailOutbox.$inferSelect;
export type NewMailRow = typeof schema.mailOutbox.$inferInsert;

const t = schema.mailOutbox;

/** Writes messages to the outbox in one statement; their ids in the order given. */
export async function insertMails(db: Executor, rows: NewMailRow[]): Promise<string[]> {
  const inserted = await insertRows(db, t, rows, ['id']);
  if (inserted.length !== rows.length) throw new Error('mail insert returned too few rows');
  return inserted.map((r) => String(r.id));
}

export async function markMail(
  db: Executor,
  id: string,
  patch: { status: MailStatus; attempts: number; lastError: string | null; sentAt?: Date },
): Promise<void> {
  await db.update(t).set(patch).where(eq(t.id, id));
}

export async function findQueuedMailIds(db: Executor, olderThan: Date): Promise<string[]> {
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.status, 'queued'), lt(t.createdAt, olderThan)))
    .limit(500);
  return rows.map((r) => r.id);
}

export async function listMail(
  db: Executor,
  f: {
    status?: MailStatus | undefined;
    to?: string | undefined;
    eventId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: MailRow[]; total: number }> {
  const conditions = [];
  if (f.status) conditions.push(eq(t.status, f.status));
  if (f.eventId) conditions.push(eq(t.eventId, f.eventId));
  if (f.to) conditions.push(ilike(t.toAddress, `%${f.to.replace(/[%_\\]/g, '\\$&')}%`));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select()
    .from(t)
    .where(where)
    .orderBy(desc(t.createdAt))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findMail(db: Executor, id: string): Promise<MailRow | undefined> {
  const [row] = await db.select().from(t).where(eq(t.id, id));
  return row;
}
