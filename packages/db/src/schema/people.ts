import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';

/** A person's own fields as a registrant typed them (all optional: only what differs). */
export type PendingProfile = {
  givenName?: string;
  familyName?: string;
  localName?: string | null;
  country?: string | null;
  phone?: string | null;
  jobTitle?: string | null;
};

/**
 * A person: one email address across the platform. Registrations, delegation contacts
 * and later authors, reviewers, speakers, signatories and B2B contacts point here, so
 * personal data lives in one row (and is erased from one row).
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored normalised (trimmed, lower-case). */
    email: text('email').notNull(),
    /** Set once someone proved they read this address (a link or a sign-in code). */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Name as in the passport, in Latin letters. */
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** Name in the person's own script (홍길동, 王小明). */
    localName: text('local_name'),
    /** ISO 3166-1 alpha-2. */
    country: text('country'),
    phone: text('phone'),
    jobTitle: text('job_title'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The language of mail and pages, 'ko' or 'en'. */
    locale: text('locale').notNull().default('en'),
    /** Erased on request: the row stays (audit facts point to it), personal fields are blank. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('persons_email_key').on(t.email),
    index('persons_organisation_idx').on(t.organisationId),
    // As registrations checked it before the country moved here; an erased person has none.
    check('persons_country_check', sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
  ],
);
