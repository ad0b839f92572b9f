import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who changed what, written in the same transaction as the change. No foreign keys:
 * the record outlives the objects (and people) it mentions.
 */
export const auditActorKinds = [
  'user',
  'person',
  'participant',
  'delegationContact',
  'apiKey',
  'cli',
  'system',
  'anonymous',
] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Who acted, by kind: user (a staff user, actorUserId), person (a signed-in
     * participant, actorPersonId), participant (the holder of a registration's
     * link, actorObjectId = the registration), delegationContact (actorObjectId =
     * the delegation), apiKey (actorApiKeyId, with actorPartnerId), cli, system,
     * anonymous. The ids, not names or emails, identify the actor; the current
     * name is looked up when the log is read.
     */
    actorKind: text('actor_kind').$type<AuditActorKind>().notNull().default('system'),
    actorUserId: uuid('actor_user_id'),
    actorPersonId: uuid('actor_person_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    actorPartnerId: uuid('actor_partner_id'),
    actorObjectId: uuid('actor_object_id'),
    /**
     * A snapshot for reading without joins: a staff user's email, a partner's
     * name, or the kind ("participant", "cli", "system"); never a participant's
     * personal data (it outlives erasure).
     */
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
    index('audit_log_partner_at_idx').on(t.actorPartnerId, t.at),
    check(
      'audit_log_actor_kind_check',
      sql`${t.actorKind} in ('user','person','participant','delegationContact','apiKey','cli','system','anonymous')`,
    ),
    index('audit_log_object_idx').on(t.objectType, t.objectId),
  ],
);
