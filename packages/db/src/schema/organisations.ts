import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from './events';

export const organisationTypes = [
  'government_agency',
  'public_corporation',
  'international_organisation',
  'university',
  'research_institute',
  'company',
  'network',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/**
 * One organisation, shared by the platform: a partner of the API, the organisation a
 * participant registers from, and later an agreement's party and a B2B company.
 * A merged duplicate keeps its row (pointing at the survivor) so old references resolve.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Names in Korean and English; either may be missing. */
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** ISO 3166-1 alpha-2, when known. */
    country: text('country'),
    type: text('type').$type<OrganisationType>().notNull().default('other'),
    website: text('website'),
    mergedInto: uuid('merged_into'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_merged_idx').on(t.mergedInto),
    check('organisations_country_check', sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
    check(
      'organisations_type_check',
      sql`${t.type} in ('government_agency','public_corporation','international_organisation','university','research_institute','company','network','other')`,
    ),
  ],
);

/**
 * Every spelling that leads to an organisation: its Korean and English names and the
 * names of duplicates merged into it, by match key (organisationMatchKey in the
 * contracts) and country ('' when unknown). The primary key is what stops two
 * registrations typing a new name at once from creating it twice.
 */
export const organisationNames = pgTable(
  'organisation_names',
  {
    matchKey: text('match_key').notNull(),
    countryKey: text('country_key').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The spelling as first seen, shown as an alias. */
    spelling: text('spelling').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.matchKey, t.countryKey] }),
    index('organisation_names_organisation_idx').on(t.organisationId),
  ],
);
