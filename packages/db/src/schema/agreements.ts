import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from './events';
import { events } from './events';
import { users } from './identity';
import { organisations } from './organisations';
import { persons } from './people';

/** One clause of a version: the same key across versions, text in Korean and English. */
export type AgreementClause = { key: string; heading: LocalizedText; body: LocalizedText };

export type AgreementStatusColumn =
  | 'draft'
  | 'negotiation'
  | 'approved'
  | 'out_for_signature'
  | 'signed'
  | 'in_effect'
  | 'expired'
  | 'terminated'
  | 'renewed'
  | 'adopted';

/**
 * An MOU or a joint declaration of an event (issue 13). The text lives in
 * agreement_versions; signedVersionId is the version signed (or adopted), set
 * once in the transaction that records it.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'mou' | 'declaration'>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    purpose: jsonb('purpose').$type<LocalizedText>().notNull().default({}),
    scope: jsonb('scope').$type<LocalizedText>().notNull().default({}),
    status: text('status').$type<AgreementStatusColumn>().notNull().default('draft'),
    effectiveOn: date('effective_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    signedOn: date('signed_on', { mode: 'string' }),
    signedVersionId: uuid('signed_version_id'),
    adoptedAtSession: text('adopted_at_session'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    /** A renewal points to the instrument it renews. */
    renewalOfId: uuid('renewal_of_id'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    published: boolean('published').notNull().default(false),
    /** Set when the owner was mailed about the coming expiry (once per expiry date). */
    expiryRemindedFor: date('expiry_reminded_for', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreements_event_idx').on(t.eventId, t.status),
    index('agreements_renewal_of_idx').on(t.renewalOfId),
    check('agreements_kind_check', sql`${t.kind} in ('mou','declaration')`),
    check(
      'agreements_status_check',
      sql`${t.status} in ('draft','negotiation','approved','out_for_signature','signed','in_effect','expired','terminated','renewed','adopted')`,
    ),
    check(
      'agreements_dates_check',
      sql`${t.expiresOn} is null or ${t.effectiveOn} is null or ${t.expiresOn} >= ${t.effectiveOn}`,
    ),
  ],
);

/**
 * Every saved text: immutable (a trigger refuses UPDATE, see custom/agreements.sql),
 * numbered per agreement, with the SHA-256 of its canonical serialisation.
 */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    clauses: jsonb('clauses').$type<AgreementClause[]>().notNull(),
    sha256: text('sha256').notNull(),
    /** No foreign key: the version outlives the account that saved it. */
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_versions_number_key').on(t.agreementId, t.number)],
);

/** The organisations bound by an agreement (or co-authoring a declaration), in order. */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('agreement_parties_org_key').on(t.agreementId, t.organisationId),
    index('agreement_parties_organisation_idx').on(t.organisationId),
  ],
);

/** Who signs (or witnesses) for a party: a person, with the title and "on behalf of" as printed. */
export const agreementSignatories = pgTable(
  'agreement_signatories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => agreementParties.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').$type<'signatory' | 'witness'>().notNull().default('signatory'),
    title: jsonb('title').$type<LocalizedText>().notNull().default({}),
    onBehalfOf: jsonb('on_behalf_of').$type<LocalizedText>().notNull().default({}),
    position: integer('position').notNull(),
  },
  (t) => [
    index('agreement_signatories_party_idx').on(t.partyId),
    index('agreement_signatories_person_idx').on(t.personId),
    check('agreement_signatories_role_check', sql`${t.role} in ('signatory','witness')`),
  ],
);

/** Staff comments on a clause (later the parties' contacts too). */
export const agreementComments = pgTable(
  'agreement_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    clauseKey: text('clause_key').notNull(),
    /** The version the author was reading. */
    versionNumber: integer('version_number'),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_comments_agreement_idx').on(t.agreementId, t.createdAt)],
);

/** Follow-up actions: what someone on the team promised to do, by when. */
export const agreementActions = pgTable(
  'agreement_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<'open' | 'done' | 'cancelled'>().notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreement_actions_agreement_idx').on(t.agreementId),
    check('agreement_actions_status_check', sql`${t.status} in ('open','done','cancelled')`),
  ],
);

/** An endorsement of an adopted declaration by a signed-in person; public once verified. */
export const declarationEndorsements = pgTable(
  'declaration_endorsements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** As typed, so the public line reads as the endorser wrote it. */
    organisationName: text('organisation_name').notNull(),
    /** The endorser's name as they want it shown (a signed-in person may have no name on file yet). */
    personName: text('person_name').notNull(),
    country: text('country'),
    title: text('title').notNull(),
    status: text('status').$type<'pending' | 'verified' | 'rejected'>().notNull().default('pending'),
    verifiedByUserId: uuid('verified_by_user_id'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('declaration_endorsements_person_key').on(t.agreementId, t.personId),
    index('declaration_endorsements_status_idx').on(t.agreementId, t.status),
    check('declaration_endorsements_status_check', sql`${t.status} in ('pending','verified','rejected')`),
  ],
);
