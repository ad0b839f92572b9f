import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './identity';

/** Text in Korean and English; either may be missing and falls back to the other. */
export type LocalizedText = { ko?: string; en?: string };

export const eventStatuses = ['draft', 'published', 'closed', 'archived'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** One edition of a conference, e.g. the 18th TCI Global Conference. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    subtitle: jsonb('subtitle').$type<LocalizedText>().notNull().default({}),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    venueName: jsonb('venue_name').$type<LocalizedText>().notNull().default({}),
    venueAddress: jsonb('venue_address').$type<LocalizedText>().notNull().default({}),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA zone; every time of the event is shown in it, e.g. Asia/Seoul. */
    timeZone: text('time_zone').notNull(),
    /**
     * ISO 3166-1 alpha-2 code of the venue's country, e.g. KR: the country a visa
     * letter invites to (its nationals are offered none). Every event before this
     * column was held in Korea, hence the default.
     */
    country: text('country').notNull().default('KR'),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    requireTwoFactor: boolean('require_two_factor').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('events_slug_key').on(t.slug),
    index('events_status_starts_idx').on(t.status, t.startsAt),
    check('events_dates_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('events_status_check', sql`${t.status} in ('draft','published','closed','archived')`),
  ],
);

export const eventRoles = [
  'owner',
  'admin',
  'staff',
  'program_chair',
  'reviewer',
  'b2b_coordinator',
] as const;
export type EventRole = (typeof eventRoles)[number];

/** A staff member's role in one event. One role per person per event. */
export const eventMembers = pgTable(
  'event_members',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<EventRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('event_members_user_idx').on(t.userId)],
);

/** An emailed invitation to join an event's team with a role. */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').$type<EventRole>().notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_invitations_token_key').on(t.tokenHash),
    index('event_invitations_event_idx').on(t.eventId),
  ],
);
