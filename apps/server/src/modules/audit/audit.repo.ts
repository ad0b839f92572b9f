import { and, desc, eq, gte, insertRows, isNull, lt, lte, schema, type Executor } from '@plenary/db';

export type AuditRow = typeof schema.auditLog.$inferSelect;
export type NewAuditRow = typeof schema.auditLog.$inferInsert;

export async function insertAuditEntries(db: Executor, rows: NewAuditRow[]): Promise<void> {
  await insertRows(db, schema.auditLog, rows);
}

export interface AuditFilter {
  /** An event's entries; null: entries of no event; undefined: all. */
  eventId: string | null | undefined;
  actorUserId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
  limit: number;
}

/** Entries with the actor's current name: a staff user's display name, a partner's name. */
export async function findAuditEntries(
  db: Executor,
  f: AuditFilter,
): Promise<Array<{ row: AuditRow; userName: string | null; partnerName: string | null }>> {
  const t = schema.auditLog;
  const conditions = [];
  if (f.eventId === null) conditions.push(isNull(t.eventId));
  else if (f.eventId) conditions.push(eq(t.eventId, f.eventId));
  if (f.actorUserId) conditions.push(eq(t.actorUserId, f.actorUserId));
  if (f.action) conditions.push(eq(t.action, f.action));
  if (f.objectType) conditions.push(eq(t.objectType, f.objectType));
  if (f.objectId) conditions.push(eq(t.objectId, f.objectId));
  if (f.from) conditions.push(gte(t.at, f.from));
  if (f.to) conditions.push(lte(t.at, f.to));
  if (f.beforeId) conditions.push(lt(t.id, f.beforeId));
  return db
    .select({ row: t, userName: schema.users.displayName, partnerName: schema.partners.name })
    .from(t)
    .leftJoin(schema.users, eq(schema.users.id, t.actorUserId))
    .leftJoin(schema.partners, eq(schema.partners.id, t.actorPartnerId))
    .where(and(...conditions))
    .orderBy(desc(t.id))
    .limit(f.limit);
}
