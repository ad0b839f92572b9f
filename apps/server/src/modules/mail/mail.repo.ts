import { and, count, desc, eq, ilike, inArray, insertRows, lt, schema, type Executor } from '@plenary/db';
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

const sup = schema.mailSuppressions;
const ovr = schema.mailTemplateOverrides;

/** The suppressed ones among the addresses (lower-cased), with the reason. */
export async function findSuppressed(db: Executor, addresses: string[]): Promise<Map<string, string>> {
  if (!addresses.length) return new Map();
  const rows = await db
    .select({ address: sup.address, reason: sup.reason })
    .from(sup)
    .where(inArray(sup.address, [...new Set(addresses.map((a) => a.toLowerCase()))]));
  return new Map(rows.map((r) => [r.address, r.reason]));
}

export async function insertSuppression(
  db: Executor,
  row: { address: string; reason: string; mailId: string },
) {
  await db
    .insert(sup)
    .values({ ...row, address: row.address.toLowerCase() })
    .onConflictDoNothing();
}

export async function listSuppressions(db: Executor) {
  return db.select().from(sup).orderBy(desc(sup.createdAt)).limit(500);
}

export async function deleteSuppression(db: Executor, address: string): Promise<boolean> {
  const rows = await db
    .delete(sup)
    .where(eq(sup.address, address.toLowerCase()))
    .returning({ a: sup.address });
  return rows.length > 0;
}

export type OverrideRow = typeof ovr.$inferSelect;

export async function findOverrides(db: Executor, eventId: string, kinds?: string[]): Promise<OverrideRow[]> {
  return db
    .select()
    .from(ovr)
    .where(kinds ? and(eq(ovr.eventId, eventId), inArray(ovr.kind, kinds)) : eq(ovr.eventId, eventId));
}

export async function upsertOverride(db: Executor, row: typeof ovr.$inferInsert): Promise<void> {
  await db
    .insert(ovr)
    .values(row)
    .onConflictDoUpdate({
      target: [ovr.eventId, ovr.kind, ovr.locale],
      set: {
        subject: row.subject,
        textBody: row.textBody,
        htmlBody: row.htmlBody ?? null,
        updatedBy: row.updatedBy ?? null,
        updatedAt: row.updatedAt ?? new Date(),
      },
    });
}

export async function deleteOverride(db: Executor, key: { eventId: string; kind: string; locale: string }) {
  await db
    .delete(ovr)
    .where(and(eq(ovr.eventId, key.eventId), eq(ovr.kind, key.kind), eq(ovr.locale, key.locale)));
}

/** Each event's IANA zone, for printing dates in mails. */
export async function findEventZones(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const ev = schema.events;
  const rows = await db
    .select({ id: ev.id, timeZone: ev.timeZone })
    .from(ev)
    .where(inArray(ev.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.timeZone]));
}
