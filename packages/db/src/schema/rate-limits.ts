import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { registrations } from './registration';

/**
 * Request counters shared by every server process (rate limits, sign-in
 * throttling, spent proof-of-work solutions). A window opens at a bucket's
 * first hit and lasts until expires_at; the next hit after that starts a new
 * one. Counted with one upsert per request, so concurrent requests cannot both
 * see room for one more.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    /** What is counted, e.g. "portalRegistration.register:ip:203.0.113.7". */
    bucket: text('bucket').primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);

/** Extra emailed links of a registration: a resent link leaves the earlier ones working. */
export const registrationLinkTokens = pgTable(
  'registration_link_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_link_tokens_registration_idx').on(t.registrationId)],
);
