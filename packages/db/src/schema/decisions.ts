import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { events, type LocalizedText } from './events';
import { users } from './identity';
import { files } from './files';
import { submissions } from './papers';

export const decisionStates = ['pending', 'released'] as const;
export type DecisionState = (typeof decisionStates)[number];

/** An event's own decision kinds, beside the built-in accept_oral, accept_poster and reject. */
export const paperDecisionKinds = pgTable(
  'paper_decision_kinds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** Whether the kind accepts the paper (camera-ready, programme). */
    accepted: boolean('accepted').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('paper_decision_kinds_code_key').on(t.eventId, t.code)],
);

/**
 * The decision on a submission: pending until the chairs release the event's
 * decisions together; a released decision no longer changes.
 */
export const paperDecisions = pgTable(
  'paper_decisions',
  {
    submissionId: uuid('submission_id')
      .primaryKey()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    state: text('state').$type<DecisionState>().notNull().default('pending'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    /** The accepted paper's final PDF (checked as the submission's), its pages, when. */
    cameraReadyFileId: uuid('camera_ready_file_id').references(() => files.id),
    cameraReadyPageCount: integer('camera_ready_page_count'),
    cameraReadyAt: timestamp('camera_ready_at', { withTimezone: true }),
    /** An author confirmed the presenting author will register for the event. */
    presenterConfirmedAt: timestamp('presenter_confirmed_at', { withTimezone: true }),
  },
  (t) => [
    index('paper_decisions_event_idx').on(t.eventId, t.state),
    check('paper_decisions_state_check', sql`${t.state} in ('pending','released')`),
  ],
);
