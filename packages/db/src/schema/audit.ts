import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who changed what, written in the same transaction as the change. No foreign keys:
 * the record outlives the objects (and people) it mentions.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** The actor's email (or "cli", "system") at the time, kept if the user is deleted. */
    actorLabel: text('actor_label').notNull(),
    eventId: uuid('event_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    /** Changed fields only: { field: { before, after } }. */
    diff: jsonb('diff').$type<Record<string, { before: unknown; after: unknown }>>().notNull().default({}),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_event_at_idx').on(t.eventId, t.at),
    index('audit_log_actor_at_idx').on(t.actorUserId, t.at),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
  ],
);
