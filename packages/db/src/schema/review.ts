import { sql } from 'drizzle-orm';
import {
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
import { submissions } from './papers';

// Peer review (issue 11 §3): reviewers' expertise, conflicts, assignments.

/** A reviewer's expertise in one event: topics (matched against tracks and keywords) and affiliation. */
export const reviewerProfiles = pgTable(
  'reviewer_profiles',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topics: jsonb('topics').$type<string[]>().notNull().default([]),
    /** The institution the reviewer writes from, compared (normalised) with the authors'. */
    affiliation: text('affiliation'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

export const reviewConflictSources = ['author', 'reviewer', 'detected'] as const;
export type ReviewConflictSource = (typeof reviewConflictSources)[number];
export const reviewConflictStatuses = ['detected', 'confirmed', 'dismissed'] as const;
export type ReviewConflictStatus = (typeof reviewConflictStatuses)[number];

/**
 * One conflict between a submission and a reviewer, with why. Declared ones (by the
 * authors or the reviewer) are confirmed from the start; detected ones wait for staff,
 * who confirm or dismiss them. Every status but dismissed keeps the reviewer away.
 */
export const reviewConflicts = pgTable(
  'review_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    source: text('source').$type<ReviewConflictSource>().notNull(),
    /** same_institution, collaborator, advisor, personal, other (as the authors declare them). */
    type: text('type').notNull(),
    /** Why, in words staff read (English; the structured reasons beside it). */
    reason: text('reason').notNull(),
    reasons: jsonb('reasons').$type<Array<Record<string, unknown>>>().notNull().default([]),
    status: text('status').$type<ReviewConflictStatus>().notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_conflicts_pair_key').on(t.submissionId, t.userId),
    index('review_conflicts_event_idx').on(t.eventId, t.status),
    index('review_conflicts_user_idx').on(t.userId),
    check('review_conflicts_source_check', sql`${t.source} in ('author','reviewer','detected')`),
    check('review_conflicts_status_check', sql`${t.status} in ('detected','confirmed','dismissed')`),
  ],
);

/** A reviewer assigned to a submission (by hand or by an accepted proposal). */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.userId] }),
    index('review_assignments_user_idx').on(t.eventId, t.userId),
  ],
);

export const reviewPhases = ['bidding', 'reviewing', 'discussion', 'decision'] as const;
export type ReviewPhase = (typeof reviewPhases)[number];

/**
 * The dates of one review phase of an event (instants; chairs type them in the event's
 * zone). A phase is open from its start (inclusive) to its end (exclusive); the server
 * allows what a phase allows only while it is open.
 */
export const reviewPhaseDates = pgTable(
  'review_phases',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    phase: text('phase').$type<ReviewPhase>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.phase] }),
    check('review_phases_phase_check', sql`${t.phase} in ('bidding','reviewing','discussion','decision')`),
    check('review_phases_order_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A reviewer's preference for a submission, -20 (do not want) .. 20 (want), as HotCRP's. */
export const reviewBids = pgTable(
  'review_bids',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    bid: integer('bid').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.userId] }),
    index('review_bids_event_idx').on(t.eventId, t.userId),
    check('review_bids_range_check', sql`${t.bid} between -20 and 20`),
  ],
);
