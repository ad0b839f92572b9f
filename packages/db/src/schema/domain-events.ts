import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { events } from './events';

/**
 * The outbox of domain events (issue 9 §6): written in the transaction of the
 * change, so an event exists if and only if the change committed. `id` orders
 * the events of one subject: a change locks its subject (the registration row)
 * before recording, so a later change of the same subject takes its id after the
 * earlier one committed.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** registration.confirmed, submission.submitted, ... (declared in the contracts with their data's schema). */
    type: text('type').notNull(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('domain_events_subject_idx').on(t.subjectKind, t.subjectId, t.id),
    index('domain_events_type_idx').on(t.type, t.id),
  ],
);

export type DomainEventDeliveryStatus = 'pending' | 'done' | 'failed';

/**
 * One row per event and subscriber, written with the event: what each subscriber
 * has processed (done), still has to (pending, from nextAttemptAt on) or gave up
 * on (failed, after its last attempt). Marked done in the transaction of the
 * subscriber's own work, so the work and the mark commit together.
 */
export const domainEventDeliveries = pgTable(
  'domain_event_deliveries',
  {
    domainEventId: bigint('domain_event_id', { mode: 'number' })
      .notNull()
      .references(() => domainEvents.id, { onDelete: 'cascade' }),
    subscriber: text('subscriber').notNull(),
    status: text('status').$type<DomainEventDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.domainEventId, t.subscriber] }),
    index('domain_event_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('domain_event_deliveries_subscriber_idx').on(t.subscriber, t.status, t.domainEventId),
    check('domain_event_deliveries_status_check', sql`${t.status} in ('pending','done','failed')`),
  ],
);
