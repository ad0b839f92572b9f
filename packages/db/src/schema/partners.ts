import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { events } from './events';
import { users } from './identity';
import { organisations } from './organisations';

/** An organisation that calls the API from its own systems (a ministry, a partner network). */
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    contactEmail: text('contact_email'),
    /** The shared organisation record this partner is. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Not unique on the platform (issue 10, item 6): an event's managers may add a partner
  // whose name another event or the platform already uses, so that the answer does not
  // tell them it exists. The services keep names unique where the caller sees them
  // (platform-wide for platform admins, per event for an event's managers).
  (t) => [index('partners_name_idx').on(sql`lower(${t.name})`)],
);

/**
 * The events a partner works with. Partners belong to the platform: an event's
 * managers see and key only the partners linked to their event (a platform admin
 * links them, or a manager creates one for their own event).
 */
export const eventPartners = pgTable(
  'event_partners',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.partnerId] }), index('event_partners_partner_idx').on(t.partnerId)],
);

/** A partner's key for one event (or all events when event_id is null). Only a hash is kept. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The non-secret start of the key, shown in lists and used to find it. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    /** Requests a minute this key may make; null: the server's default (PLENARY_API_REQUESTS_PER_MINUTE). */
    requestsPerMinute: integer('requests_per_minute'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_keys_prefix_key').on(t.prefix), index('api_keys_partner_idx').on(t.partnerId)],
);

/** A POST's Idempotency-Key and the response it got, replayed for the same key and body. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** null while the first request is in flight. */
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export const webhookEventTypes = [
  'registration.created',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
  'registration.checked_in',
  // B2B fair (issue 14): meetings of a partner's own companies.
  'meeting.scheduled',
  'meeting.changed',
  'meeting.outcome_recorded',
  // Papers (issue 11 §5): decisions released. Event-wide: every subscribed partner of the event.
  'programme.published',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** A partner's URL that receives registration events for one event. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** HMAC-SHA256 signing secret; must be readable to sign, so it is stored as is. */
    secret: text('secret').notNull(),
    eventTypes: jsonb('event_types').$type<WebhookEventType[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_event_idx').on(t.eventId, t.partnerId)],
);

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** The outbox of webhook calls: written in the transaction of the change, delivered by a job. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventType: text('event_type').$type<WebhookEventType>().notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
    index('webhook_deliveries_status_idx').on(t.status, t.createdAt),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending','delivered','failed')`),
  ],
);
