import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { persons } from './people';

/**
 * A participant's session on the portal, like staff sessions (identity.ts): the
 * id is the SHA-256 of the cookie's token, so a database leak hands out nothing.
 */
export const personSessions = pgTable(
  'person_sessions',
  {
    id: text('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('person_sessions_person_idx').on(t.personId)],
);

/**
 * A sign-in code and link mailed to an address. One live row per address: a new
 * request replaces the old. Only hashes are stored; a code dies after a few wrong
 * tries, at its expiry, or once used.
 */
export const personSignInCodes = pgTable('person_sign_in_codes', {
  /** Stored normalised (trimmed, lower-case), as persons.email. */
  email: text('email').primaryKey(),
  codeHash: text('code_hash').notNull(),
  linkTokenHash: text('link_token_hash').notNull().unique('person_sign_in_codes_link_key'),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
