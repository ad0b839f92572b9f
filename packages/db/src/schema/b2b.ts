import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { events } from './events';
import { files } from './files';
import { organisations } from './organisations';
import { partners } from './partners';
import { persons } from './people';

/**
 * The B2B export fair of an event (issue 14): one day cut into slots, a set of
 * tables, buyer and seller profiles, interpreters, pre-matched pairs, meetings
 * and their outcomes. The scheduler (modules/b2b/scheduler) reads slots, tables,
 * interpreters and wanted pairs, and writes meetings; the unique indexes on live
 * meetings are what keeps any writer, it or a coordinator, from double-booking.
 */
export const b2bFairs = pgTable('b2b_fairs', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id')
    .notNull()
    .unique('b2b_fairs_event_key')
    .references(() => events.id, { onDelete: 'cascade' }),
  /** The fair's day in the event's time zone. */
  date: date('date', { mode: 'string' }).notNull(),
  startTime: text('start_time').notNull(),
  endTime: text('end_time').notNull(),
  slotMinutes: integer('slot_minutes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The fair's time slots, ordered by index from 0. */
export const b2bSlots = pgTable(
  'b2b_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => b2bFairs.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('b2b_slots_fair_index_key').on(t.fairId, t.index)],
);

export const b2bTables = pgTable(
  'b2b_tables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => b2bFairs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('b2b_tables_fair_name_key').on(t.fairId, t.name)],
);

export interface B2bProductRow {
  hsCode: string;
  description: string;
  keywords: string[];
}

/** A company's demand (buyer) or supply (seller) at the fair; shown to matching once validated. */
export const b2bProfiles = pgTable(
  'b2b_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => b2bFairs.id, { onDelete: 'cascade' }),
    side: text('side').$type<'buyer' | 'seller'>().notNull(),
    status: text('status').$type<'draft' | 'submitted' | 'validated' | 'rejected'>().notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    contactPersonId: uuid('contact_person_id').references(() => persons.id, { onDelete: 'set null' }),
    country: text('country').notNull(),
    products: jsonb('products').$type<B2bProductRow[]>().notNull(),
    languages: text('languages').array().notNull(),
    volumes: text('volumes').notNull().default(''),
    priceMin: bigint('price_min', { mode: 'number' }),
    priceMax: bigint('price_max', { mode: 'number' }),
    priceCurrency: text('price_currency'),
    priorities: text('priorities').notNull().default(''),
    certifications: text('certifications').array().notNull(),
    exportMarkets: text('export_markets').array().notNull(),
    capacity: text('capacity').notNull().default(''),
    catalogueFileId: uuid('catalogue_file_id').references(() => files.id, { onDelete: 'set null' }),
    /**
     * The partner whose API key created it (a delegation's organiser): only that
     * partner's keys see it, its meetings and their outcomes over the API.
     */
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('b2b_profiles_company_key').on(t.fairId, t.organisationId, t.side),
    index('b2b_profiles_partner_idx').on(t.partnerId),
    check('b2b_profiles_side_check', sql`${t.side} in ('buyer','seller')`),
    check('b2b_profiles_status_check', sql`${t.status} in ('draft','submitted','validated','rejected')`),
  ],
);

export const b2bInterpreters = pgTable('b2b_interpreters', {
  id: uuid('id').primaryKey().defaultRandom(),
  fairId: uuid('fair_id')
    .notNull()
    .references(() => b2bFairs.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
  /** Pairs of ISO 639-1 codes, each interpreted both ways. */
  languagePairs: jsonb('language_pairs').$type<Array<[string, string]>>().notNull(),
  /** Slot indexes the interpreter works; null: every slot. */
  availableSlots: integer('available_slots').array(),
  maxMeetings: integer('max_meetings').notNull(),
});

/** A pair the coordinator proposes; approved or forced pairs are the scheduler's wanted meetings. */
export const b2bPrematches = pgTable(
  'b2b_prematches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => b2bFairs.id, { onDelete: 'cascade' }),
    buyerProfileId: uuid('buyer_profile_id')
      .notNull()
      .references(() => b2bProfiles.id, { onDelete: 'cascade' }),
    sellerProfileId: uuid('seller_profile_id')
      .notNull()
      .references(() => b2bProfiles.id, { onDelete: 'cascade' }),
    priority: integer('priority').notNull(),
    status: text('status').$type<'proposed' | 'approved' | 'rejected' | 'forced'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('b2b_prematches_pair_key').on(t.buyerProfileId, t.sellerProfileId),
    check('b2b_prematches_status_check', sql`${t.status} in ('proposed','approved','rejected','forced')`),
  ],
);

const live = sql`status <> 'cancelled'`;

/**
 * A meeting in a slot at a table. While it is live (not cancelled) it holds the
 * table, the buyer, the seller and its interpreter for that slot: the partial
 * unique indexes below refuse a second holder whatever wrote it and however many
 * write at once (a coordinator moving meetings, the scheduler). A company with both
 * a buyer and a seller profile is held per profile, not across the two.
 */
export const b2bMeetings = pgTable(
  'b2b_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fairId: uuid('fair_id')
      .notNull()
      .references(() => b2bFairs.id, { onDelete: 'cascade' }),
    buyerProfileId: uuid('buyer_profile_id')
      .notNull()
      .references(() => b2bProfiles.id),
    sellerProfileId: uuid('seller_profile_id')
      .notNull()
      .references(() => b2bProfiles.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => b2bSlots.id),
    tableId: uuid('table_id')
      .notNull()
      .references(() => b2bTables.id),
    interpreterId: uuid('interpreter_id').references(() => b2bInterpreters.id),
    prematchId: uuid('prematch_id').references(() => b2bPrematches.id, { onDelete: 'set null' }),
    status: text('status').$type<'scheduled' | 'published' | 'held' | 'no_show' | 'cancelled'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('b2b_meetings_table_busy').on(t.slotId, t.tableId).where(live),
    uniqueIndex('b2b_meetings_buyer_busy').on(t.slotId, t.buyerProfileId).where(live),
    uniqueIndex('b2b_meetings_seller_busy').on(t.slotId, t.sellerProfileId).where(live),
    uniqueIndex('b2b_meetings_interpreter_busy')
      .on(t.slotId, t.interpreterId)
      .where(sql`status <> 'cancelled' and interpreter_id is not null`),
    uniqueIndex('b2b_meetings_pair_once').on(t.buyerProfileId, t.sellerProfileId).where(live),
    index('b2b_meetings_fair_idx').on(t.fairId),
    check(
      'b2b_meetings_status_check',
      sql`${t.status} in ('scheduled','published','held','no_show','cancelled')`,
    ),
  ],
);

/** What came of a meeting. Values in whole units of their currency. */
export const b2bOutcomes = pgTable(
  'b2b_outcomes',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => b2bMeetings.id, { onDelete: 'cascade' }),
    productsDiscussed: text('products_discussed').notNull().default(''),
    interest: integer('interest').notNull(),
    stage: text('stage').$type<'interest' | 'negotiation' | 'contract_in_progress' | 'signed'>().notNull(),
    estimatedValue: bigint('estimated_value', { mode: 'number' }),
    currency: text('currency'),
    signedAmount: bigint('signed_amount', { mode: 'number' }),
    signedOn: date('signed_on', { mode: 'string' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'b2b_outcomes_stage_check',
      sql`${t.stage} in ('interest','negotiation','contract_in_progress','signed')`,
    ),
  ],
);

/** USD per unit of a currency on the fair's date, entered by staff. */
export const b2bRates = pgTable(
  'b2b_rates',
  {
    fairId: uuid('fair_id')
      .notNull()
      .references(() => b2bFairs.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    usdPerUnit: numeric('usd_per_unit', { precision: 24, scale: 12 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.currency] })],
);
