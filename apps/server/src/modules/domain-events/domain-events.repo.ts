import { inArray, schema, sql, type Executor } from '@plenary/db';
import type { DomainEventDeliveryStatus } from '@plenary/db/schema';
import { selectRows, sqlArray } from '../../core/sql';

const events = schema.domainEvents;
const deliveries = schema.domainEventDeliveries;

export type NewDomainEventRow = typeof events.$inferInsert;

/** Inserts the events in the order given (their ids increase in that order); returns the ids. */
export async function insertDomainEvents(db: Executor, rows: NewDomainEventRow[]): Promise<number[]> {
  if (!rows.length) return [];
  const inserted = await db.insert(events).values(rows).returning({ id: events.id });
  return inserted.map((r) => r.id).sort((a, b) => a - b);
}

export async function insertPendingDeliveries(
  db: Executor,
  rows: Array<{ domainEventId: number; subscriber: string; nextAttemptAt: Date }>,
): Promise<void> {
  if (rows.length) await db.insert(deliveries).values(rows);
}

/** A subscriber's pending work on one event, claimed under a row lock, with the event. */
export interface ClaimedDelivery {
  domain_event_id: number | string;
  subscriber: string;
  attempts: number;
  type: string;
  event_id: string | null;
  subject_kind: string;
  subject_id: string;
  data: Record<string, unknown> | string;
  occurred_at: Date | string;
}

/**
 * The subscriber's oldest due delivery whose subject has no earlier pending
 * event for it, locked; rows another dispatcher holds are skipped (SKIP LOCKED),
 * and their subject's later events wait because the held one is still pending.
 * One subscriber at a time, so the scan walks (subscriber, status, id) in order
 * and stops at the first match instead of sorting the whole backlog. `lock:
 * false` only in the control run of the two-dispatcher test, to show that
 * without the lock an event is handled twice.
 */
export async function claimNextDelivery(
  db: Executor,
  subscriber: string,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<ClaimedDelivery | undefined> {
  const lock = options.lock === false ? sql`` : sql`for update of d skip locked`;
  const [row] = await selectRows<ClaimedDelivery>(
    db,
    sql`select d.domain_event_id, d.subscriber, d.attempts, e.type, e.event_id, e.subject_kind, e.subject_id,
               e.data, e.occurred_at
          from domain_event_deliveries d
          join domain_events e on e.id = d.domain_event_id
         where d.subscriber = ${subscriber}
           and d.status = 'pending'
           and d.next_attempt_at <= ${now.toISOString()}::timestamptz
           and not exists (
             select 1 from domain_events e2
               join domain_event_deliveries d2 on d2.domain_event_id = e2.id
              where e2.subject_kind = e.subject_kind and e2.subject_id = e.subject_id and e2.id < e.id
                and d2.subscriber = d.subscriber and d2.status = 'pending')
         order by d.subscriber, d.status, d.domain_event_id
         limit 1
         ${lock}`,
  );
  return row;
}

export async function updateDelivery(
  db: Executor,
  key: { domainEventId: number; subscriber: string },
  set: {
    status: DomainEventDeliveryStatus;
    attempts: number;
    nextAttemptAt?: Date;
    lastError?: string | null;
    processedAt?: Date | null;
  },
): Promise<void> {
  await db
    .update(deliveries)
    .set(set)
    .where(
      sql`${deliveries.domainEventId} = ${key.domainEventId} and ${deliveries.subscriber} = ${key.subscriber}`,
    );
}

/** Pending deliveries of these subscribers already due (a dispatch hand-over lost, a retry's time come). */
export async function countDueDeliveries(db: Executor, subscribers: string[], now: Date): Promise<number> {
  if (!subscribers.length) return 0;
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from domain_event_deliveries
         where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
           and subscriber = any(${sqlArray(subscribers, 'text')})`,
  );
  return Number(row?.n ?? 0);
}

export interface DomainEventListRow {
  id: number | string;
  type: string;
  event_id: string | null;
  subject_kind: string;
  subject_id: string;
  occurred_at: Date | string;
  total: number | string;
}

/** Newest first, for the platform admin; with a status, the events that have a subscriber in it. */
export async function listDomainEvents(
  db: Executor,
  f: {
    type?: string | undefined;
    status?: DomainEventDeliveryStatus | undefined;
    limit: number;
    offset: number;
  },
): Promise<DomainEventListRow[]> {
  const conditions = [sql`true`];
  if (f.type) conditions.push(sql`e.type = ${f.type}`);
  if (f.status)
    conditions.push(
      sql`exists (select 1 from domain_event_deliveries d where d.domain_event_id = e.id and d.status = ${f.status})`,
    );
  return selectRows<DomainEventListRow>(
    db,
    sql`select e.id, e.type, e.event_id, e.subject_kind, e.subject_id, e.occurred_at, count(*) over () as total
          from domain_events e
         where ${sql.join(conditions, sql` and `)}
         order by e.id desc
         limit ${f.limit} offset ${f.offset}`,
  );
}

export async function deliveriesOfEvents(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({
      domainEventId: deliveries.domainEventId,
      subscriber: deliveries.subscriber,
      status: deliveries.status,
      attempts: deliveries.attempts,
      lastError: deliveries.lastError,
      processedAt: deliveries.processedAt,
    })
    .from(deliveries)
    .where(inArray(deliveries.domainEventId, ids))
    .orderBy(deliveries.domainEventId, deliveries.subscriber);
}
