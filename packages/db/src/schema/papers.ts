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
import { events, type LocalizedText } from './events';
import { users } from './identity';
import { organisations } from './organisations';
import { persons } from './people';
import { files } from './files';
import type { AcceptedConsent } from './registration';

export const blindModes = ['single', 'double', 'open'] as const;
export type BlindMode = (typeof blindModes)[number];
export const submissionStatuses = ['draft', 'submitted', 'withdrawn'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** One event's call for papers: the window (instants; staff type them in the event's zone) and rules. */
export const cfpSettings = pgTable('cfp_settings', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  opensAt: timestamp('opens_at', { withTimezone: true }),
  deadline: timestamp('deadline', { withTimezone: true }),
  /** Minutes after the deadline when submitting and editing still pass (a slow upload at 23:59). */
  graceMinutes: integer('grace_minutes').notNull().default(0),
  /** Stored now; review (a later issue) hides authors from reviewers by it. */
  blindMode: text('blind_mode').$type<BlindMode>().notNull().default('double'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const cfpTracks = pgTable(
  'cfp_tracks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('cfp_tracks_code_key').on(t.eventId, t.code)],
);

export const submissionKinds = ['full_paper', 'extended_abstract', 'poster', 'session_proposal'] as const;
export type SubmissionKind = (typeof submissionKinds)[number];

/** A kind of submission with its own rules (pages, abstract words, file). */
export const cfpSubmissionTypes = pgTable(
  'cfp_submission_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SubmissionKind>().notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    pageLimit: integer('page_limit'),
    abstractWordLimit: integer('abstract_word_limit'),
    fileRequired: boolean('file_required').notNull().default(true),
    maxMegabytes: integer('max_megabytes').notNull().default(10),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('cfp_submission_types_kind_key').on(t.eventId, t.kind)],
);

/** Publication and presentation texts; a new text is a new version, old ones are kept (as registration's). */
export const cfpConsentVersions = pgTable(
  'cfp_consent_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    text: jsonb('text').$type<LocalizedText>().notNull(),
    required: boolean('required').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cfp_consent_versions_key').on(t.eventId, t.kind, t.version)],
);

/** One paper (or poster, or panel proposal); review plugs in by its id and its current version. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The person who made it and alone edits it; co-authors see it. */
    submitterPersonId: uuid('submitter_person_id')
      .notNull()
      .references(() => persons.id),
    status: text('status').$type<SubmissionStatus>().notNull().default('draft'),
    trackId: uuid('track_id').references(() => cfpTracks.id),
    typeId: uuid('type_id').references(() => cfpSubmissionTypes.id),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    abstract: jsonb('abstract').$type<LocalizedText>().notNull().default({}),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    fileId: uuid('file_id').references(() => files.id),
    pageCount: integer('page_count'),
    /** Institutions the authors declare a conflict with, beyond the reviewers they ticked. */
    institutionConflicts: jsonb('institution_conflicts')
      .$type<Array<{ organisationId: string | null; name: string }>>()
      .notNull()
      .default([]),
    consents: jsonb('consents').$type<AcceptedConsent[]>().notNull().default([]),
    /** The current version's number (submission_versions). */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('submissions_event_idx').on(t.eventId, t.createdAt),
    index('submissions_submitter_idx').on(t.submitterPersonId),
    check('submissions_status_check', sql`${t.status} in ('draft','submitted','withdrawn')`),
  ],
);

/** The authors in order: persons, with the organisation they write from. */
export const submissionAuthors = pgTable(
  'submission_authors',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The name as the byline prints it (the person's own record may be spelled otherwise). */
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** The affiliation as typed (the organisation's name may be merged or renamed later). */
    affiliation: text('affiliation').notNull(),
    country: text('country').notNull(),
    orcid: text('orcid'),
    presenting: boolean('presenting').notNull().default(false),
    confirmTokenHash: text('confirm_token_hash'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.position] }),
    uniqueIndex('submission_authors_person_key').on(t.submissionId, t.personId),
    index('submission_authors_person_idx').on(t.personId),
    uniqueIndex('submission_authors_token_key').on(t.confirmTokenHash),
  ],
);

export const conflictTypes = ['same_institution', 'collaborator', 'advisor', 'personal', 'other'] as const;
export type ConflictType = (typeof conflictTypes)[number];

/** Reviewers of the event the authors declare a conflict with. */
export const submissionReviewerConflicts = pgTable(
  'submission_reviewer_conflicts',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<ConflictType>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.userId] }),
    index('submission_conflicts_user_idx').on(t.userId),
  ],
);

export type SubmissionChange = { field: string; before: unknown; after: unknown };

/** Every change, kept: who, when, the whole submission after it, and the fields it changed. */
export const submissionVersions = pgTable(
  'submission_versions',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** 'person' (an author) or 'user' (staff), and its id. */
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changes: jsonb('changes').$type<SubmissionChange[]>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.version] })],
);
