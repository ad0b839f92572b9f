import { and, asc, count, desc, eq, inArray, isNull, lt, or, schema, sql, type Executor } from '@plenary/db';
import type { WebhookDeliveryStatus, WebhookEventType } from '@plenary/db/schema';

const subs = schema.webhookSubscriptions;
const deliveries = schema.webhookDeliveries;
const partners = schema.partners;

export const SUBSCRIPTION_REMOVED = 'The subscription was removed';

export type NewDeliveryRow = typeof deliveries.$inferInsert;
export type NewSubscriptionRow = typeof subs.$inferInsert;

const subscriptionColumns = {
  id: subs.id,
  partnerId: subs.partnerId,
  partnerName: partners.name,
  eventId: subs.eventId,
  url: subs.url,
  eventTypes: subs.eventTypes,
  active: subs.active,
  createdAt: subs.createdAt,
};
export interface SubscriptionRow {
  id: string;
  partnerId: string;
  partnerName: string;
  eventId: string;
  url: string;
  eventTypes: WebhookEventType[];
  active: boolean;
  createdAt: Date;
}

/** Active subscriptions of these partners for an event, with the types of event each wants. */
export async function findSubscribers(
  db: Executor,
  /** 'all': every partner's subscriptions to the event (an event-wide type). */
  f: { partnerIds: string[] | 'all'; eventId: string },
): Promise<Array<{ id: string; partnerId: string; eventTypes: WebhookEventType[] }>> {
  if (f.partnerIds !== 'all' && !f.partnerIds.length) return [];
  const conditions = [eq(subs.eventId, f.eventId), eq(subs.active, true)];
  if (f.partnerIds !== 'all') conditions.push(inArray(subs.partnerId, f.partnerIds));
  return db
    .select({ id: subs.id, partnerId: subs.partnerId, eventTypes: subs.eventTypes })
    .from(subs)
    .where(and(...conditions));
}

export async function insertDeliveries(db: Executor, rows: NewDeliveryRow[]): Promise<void> {
  if (rows.length) await db.insert(deliveries).values(rows);
}

export async function insertSubscription(db: Executor, row: NewSubscriptionRow): Promise<string> {
  const [inserted] = await db.insert(subs).values(row).returning({ id: subs.id });
  if (!inserted) throw new Error('webhook subscription insert returned nothing');
  return inserted.id;
}

/** An event's subscriptions (one partner's, when partnerId is given), oldest first. */
export async function listSubscriptions(
  db: Executor,
  f: { eventId: string; partnerId?: string; activeOnly?: boolean },
): Promise<SubscriptionRow[]> {
  const conditions = [eq(subs.eventId, f.eventId)];
  if (f.partnerId) conditions.push(eq(subs.partnerId, f.partnerId));
  if (f.activeOnly) conditions.push(eq(subs.active, true));
  return db
    .select(subscriptionColumns)
    .from(subs)
    .innerJoin(partners, eq(partners.id, subs.partnerId))
    .where(and(...conditions))
    .orderBy(asc(subs.createdAt), asc(subs.id));
}

export async function findSubscription(
  db: Executor,
  eventId: string,
  id: string,
): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select(subscriptionColumns)
    .from(subs)
    .innerJoin(partners, eq(partners.id, subs.partnerId))
    .where(and(eq(subs.eventId, eventId), eq(subs.id, id)));
  return row;
}

/** Stops a subscription; what it still had pending will not be sent, and the log says why. */
export async function deactivateSubscription(db: Executor, id: string): Promise<void> {
  await db.update(subs).set({ active: false }).where(eq(subs.id, id));
  await db
    .update(deliveries)
    .set({ status: 'failed', lastError: SUBSCRIPTION_REMOVED })
    .where(and(eq(deliveries.subscriptionId, id), eq(deliveries.status, 'pending')));
}

/**
 * Locks the partner's row until the transaction ends and counts its active
 * subscriptions, so two subscriptions asked for at once cannot both pass the cap.
 */
export async function lockPartnerSubscriptions(db: Executor, partnerId: string): Promise<number> {
  await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).for('update');
  const [row] = await db
    .select({ n: count() })
    .from(subs)
    .where(and(eq(subs.partnerId, partnerId), eq(subs.active, true)));
  return Number(row?.n ?? 0);
}

export async function findPartnerName(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: partners.name }).from(partners).where(eq(partners.id, id));
  return row?.name;
}

/** Partners with an unrevoked key for this event or for every event. */
export async function listPartnersWithKeys(
  db: Executor,
  eventId: string,
): Promise<{ id: string; name: string }[]> {
  const keys = schema.apiKeys;
  return db
    .selectDistinct({ id: partners.id, name: partners.name })
    .from(partners)
    .innerJoin(keys, eq(keys.partnerId, partners.id))
    .where(and(isNull(keys.revokedAt), or(isNull(keys.eventId), eq(keys.eventId, eventId))))
    .orderBy(asc(partners.name), asc(partners.id));
}

/** What the worker needs to send one delivery: the row, and its subscription's URL and secret. */
export async function findDeliveryToSend(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: deliveries.id,
      status: deliveries.status,
      payload: deliveries.payload,
      url: subs.url,
      secret: subs.secret,
      active: subs.active,
    })
    .from(deliveries)
    .innerJoin(subs, eq(subs.id, deliveries.subscriptionId))
    .where(eq(deliveries.id, id));
  return row;
}

/**
 * Records one attempt; attempts is counted in SQL, so two workers cannot lose one.
 * The status (and its error) changes only from pending: a subscription removed
 * during the call keeps its deliveries failed, saying why.
 */
export async function recordAttempt(
  db: Executor,
  id: string,
  patch: {
    status: WebhookDeliveryStatus;
    lastStatusCode: number | null;
    lastError: string | null;
    lastAttemptAt: Date;
    deliveredAt?: Date;
  },
): Promise<void> {
  await db
    .update(deliveries)
    .set({
      ...patch,
      status: sql`case when ${deliveries.status} = 'pending' then ${patch.status} else ${deliveries.status} end`,
      lastError: sql`case when ${deliveries.status} = 'pending' then ${patch.lastError} else ${deliveries.lastError} end`,
      attempts: sql`${deliveries.attempts} + 1`,
    })
    .where(eq(deliveries.id, id));
}

/** A status change that is not an attempt (the subscription went away; sent again by staff). */
export async function setDeliveryStatus(
  db: Executor,
  id: string,
  status: WebhookDeliveryStatus,
  lastError?: string,
): Promise<void> {
  await db
    .update(deliveries)
    .set(lastError === undefined ? { status } : { status, lastError })
    .where(eq(deliveries.id, id));
}

const deliveryColumns = {
  id: deliveries.id,
  subscriptionId: deliveries.subscriptionId,
  partnerName: partners.name,
  url: subs.url,
  active: subs.active,
  eventType: deliveries.eventType,
  status: deliveries.status,
  attempts: deliveries.attempts,
  lastStatusCode: deliveries.lastStatusCode,
  lastError: deliveries.lastError,
  lastAttemptAt: deliveries.lastAttemptAt,
  deliveredAt: deliveries.deliveredAt,
  createdAt: deliveries.createdAt,
};
export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

export async function listDeliveries(
  db: Executor,
  f: {
    eventId: string;
    subscriptionId?: string | undefined;
    status?: WebhookDeliveryStatus | undefined;
    limit: number;
    offset: number;
  },
) {
  const conditions = [eq(subs.eventId, f.eventId)];
  if (f.subscriptionId) conditions.push(eq(deliveries.subscriptionId, f.subscriptionId));
  if (f.status) conditions.push(eq(deliveries.status, f.status));
  const where = and(...conditions);
  const rows = await db
    .select(deliveryColumns)
    .from(deliveries)
    .innerJoin(subs, eq(subs.id, deliveries.subscriptionId))
    .innerJoin(partners, eq(partners.id, subs.partnerId))
    .where(where)
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db
    .select({ n: count() })
    .from(deliveries)
    .innerJoin(subs, eq(subs.id, deliveries.subscriptionId))
    .where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findDelivery(db: Executor, eventId: string, id: string) {
  const [row] = await db
    .select(deliveryColumns)
    .from(deliveries)
    .innerJoin(subs, eq(subs.id, deliveries.subscriptionId))
    .innerJoin(partners, eq(partners.id, subs.partnerId))
    .where(and(eq(subs.eventId, eventId), eq(deliveries.id, id)));
  return row;
}

/**
 * Pending deliveries never tried although created before `olderThan`: their
 * hand-over to the queue was lost (a crash between commit and send). Tried ones
 * have a job waiting for its next retry and are left to it.
 */
export async function findLostDeliveryIds(db: Executor, olderThan: Date): Promise<string[]> {
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, 'pending'),
        isNull(deliveries.lastAttemptAt),
        lt(deliveries.createdAt, olderThan),
      ),
    )
    .orderBy(asc(deliveries.createdAt))
    .limit(500);
  return rows.map((r) => r.id);
}
