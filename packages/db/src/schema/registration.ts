import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
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
import { partners } from './partners';
import { organisations } from './organisations';
import { persons, type PendingProfile } from './people';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Who may see a category on the portal: anyone, or only holders of an invitation code. */
export type CategoryVisibility = 'public' | 'invitation';
export type OptionKind = 'tour' | 'meal' | 'social' | 'other';
export type RegistrationStatus =
  | 'pending'
  | 'confirmed'
  | 'waitlisted'
  | 'offered'
  | 'awaiting_payment'
  | 'cancelled'
  | 'rejected';
export type PaymentStatus = 'not_required' | 'unpaid' | 'paid' | 'waived';
export type RegistrationSource = 'portal' | 'staff' | 'partner';
export type ChoiceStatus = 'booked' | 'waitlisted';
export type VisaLetterStatus = 'requested' | 'approved' | 'rejected';

/** A custom question of the registration form; the contracts hold its zod shape. */
export type FormQuestionRow = Record<string, unknown> & { id: string; type: string };
/** Which standard fields are shown and required, by field name. */
export type StandardFieldRules = Record<string, { shown: boolean; required: boolean }>;
export type AcceptedConsent = { kind: string; version: number; acceptedAt: string };
/** The organiser's letterhead, printed on visa letters, receipts and badges. */
export type Letterhead = {
  organiser?: LocalizedText;
  address?: LocalizedText;
  signatoryName?: string;
  signatoryTitle?: LocalizedText;
  email?: string;
  phone?: string;
};

/** One row per event: the event-wide rules of registration. */
export const registrationSettings = pgTable('registration_settings', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  /** Places in the whole event across categories; null means no event-wide limit. */
  capacity: integer('capacity'),
  /** How long a waiting-list offer stays open before it passes to the next person. */
  offerHours: integer('offer_hours').notNull().default(48),
  /** Standard fields a participant may change after registering. */
  editableFields: jsonb('editable_fields')
    .$type<string[]>()
    .notNull()
    .default(['phone', 'dietary', 'accessibility', 'jobTitle']),
  allowSelfCancel: boolean('allow_self_cancel').notNull().default(true),
  /** Passport data is erased this many days after the event ends. */
  visaPurgeDays: integer('visa_purge_days').notNull().default(30),
  visaLettersEnabled: boolean('visa_letters_enabled').notNull().default(true),
  letterhead: jsonb('letterhead').$type<Letterhead>().notNull().default({}),
  /** Days a fee category's registration has to pay before its place is released. */
  paymentDueDays: integer('payment_due_days').notNull().default(7),
  /** Bank transfer details and the reference to quote, in Korean and English. */
  paymentInstructions: jsonb('payment_instructions').$type<LocalizedText>().notNull().default({}),
  standardFields: jsonb('standard_fields').$type<StandardFieldRules>().notNull().default({}),
  questions: jsonb('questions').$type<FormQuestionRow[]>().notNull().default([]),
  /** The last moment a participant may correct their own name (null: never by themselves). */
  nameCorrectionUntil: timestamp('name_correction_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A kind of participant (government, universities, press, ...), with its own limit and rules. */
export const registrationCategories = pgTable(
  'registration_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    capacity: integer('capacity'),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    /** Fee in the currency's minor unit (KRW has none: 50000 means ₩50,000). */
    feeAmount: integer('fee_amount'),
    feeCurrency: text('fee_currency'),
    visibility: text('visibility').$type<CategoryVisibility>().notNull().default('public'),
    /** Badge colour, #rrggbb. */
    colour: text('colour').notNull().default('#1f6feb'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registration_categories_code_key').on(t.eventId, t.code),
    check('registration_categories_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check('registration_categories_visibility_check', sql`${t.visibility} in ('public','invitation')`),
    check(
      'registration_categories_fee_check',
      sql`(${t.feeAmount} is null) = (${t.feeCurrency} is null) and (${t.feeAmount} is null or ${t.feeAmount} >= 0)`,
    ),
  ],
);

/** Something chosen during registration with its own seats: a cluster tour, the welcome dinner. */
export const registrationOptions = pgTable(
  'registration_options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    kind: text('kind').$type<OptionKind>().notNull().default('other'),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    capacity: integer('capacity'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    /** When it ends: two options whose times overlap cannot be held together. */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** Options of one "at most one of" group cannot be held together (e.g. the cluster tours). */
    exclusiveGroup: text('exclusive_group'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registration_options_code_key').on(t.eventId, t.code),
    check('registration_options_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
  ],
);

/** A code that reserves places in a category or unlocks an invitation-only one. */
export const invitationCodes = pgTable(
  'invitation_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Upper-case, compared as typed after normalising. */
    code: text('code').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => registrationCategories.id, { onDelete: 'cascade' }),
    /** Whether the code's unused uses are held back from everyone else in the category. */
    reservesPlaces: boolean('reserves_places').notNull().default(false),
    maxUses: integer('max_uses').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    note: text('note'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitation_codes_code_key').on(t.eventId, t.code),
    check('invitation_codes_max_uses_check', sql`${t.maxUses} >= 1`),
  ],
);

/** Privacy and photography texts; a new text is a new version, old ones are kept. */
export const consentVersions = pgTable(
  'consent_versions',
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
  (t) => [uniqueIndex('consent_versions_key').on(t.eventId, t.kind, t.version)],
);

/** A group registered in one go (a ministry's delegation); its contact manages it by link. */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The contact as a person: their name and email are read from there, never copied here. */
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => persons.id),
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    manageTokenHash: text('manage_token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('delegations_token_key').on(t.manageTokenHash),
    index('delegations_event_idx').on(t.eventId),
  ],
);

/** One person's place (or wait for one) at an event. */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => registrationCategories.id),
    /** Short code printed on tickets and read out at the desk, e.g. R7K2-QF9M. */
    reference: text('reference').notNull(),
    status: text('status').$type<RegistrationStatus>().notNull(),
    source: text('source').$type<RegistrationSource>().notNull(),
    /**
     * The person registered: their email, names, country, phone and job title live on the
     * person (one row per email across every organiser's event), read through a join.
     */
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** The organisation as typed on this event's form. */
    organisation: text('organisation').notNull(),
    /** The shared organisation the typed name was matched to (or created as). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /**
     * What an unverified registrant typed that differs from the person's fields: kept here
     * and applied to the person when the email's owner verifies (people.service.ts).
     */
    pendingProfile: jsonb('pending_profile').$type<PendingProfile>(),
    dietary: text('dietary'),
    accessibility: text('accessibility'),
    locale: text('locale').notNull().default('en'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    consents: jsonb('consents').$type<AcceptedConsent[]>().notNull().default([]),
    invitationCodeId: uuid('invitation_code_id').references(() => invitationCodes.id, {
      onDelete: 'set null',
    }),
    delegationId: uuid('delegation_id').references(() => delegations.id, { onDelete: 'set null' }),
    /** The partner organisation whose API key created it; only that key may see it. */
    partnerId: uuid('partner_id').references(() => partners.id, { onDelete: 'set null' }),
    manageTokenHash: text('manage_token_hash').notNull(),
    /** The secret in the QR ticket; scanned at the check-in desk. */
    ticketCode: text('ticket_code').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Order on the waiting list (smaller goes first); staff may reorder. */
    waitlistRank: bigint('waitlist_rank', { mode: 'number' }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    statusReason: text('status_reason'),
    paymentStatus: text('payment_status').$type<PaymentStatus>().notNull().default('not_required'),
    paymentReference: text('payment_reference'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** While awaiting_payment: the place is held until then, released by the expiry job after. */
    paymentDueAt: timestamp('payment_due_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_reference_key').on(t.eventId, t.reference),
    uniqueIndex('registrations_token_key').on(t.manageTokenHash),
    uniqueIndex('registrations_ticket_key').on(t.ticketCode),
    // One live registration per person and event; cancelled and rejected ones do not count.
    uniqueIndex('registrations_person_key')
      .on(t.eventId, t.personId)
      .where(sql`${t.status} not in ('cancelled','rejected')`),
    index('registrations_event_status_idx').on(t.eventId, t.status, t.categoryId),
    index('registrations_event_created_idx').on(t.eventId, t.createdAt, t.id),
    index('registrations_waitlist_idx')
      .on(t.eventId, t.waitlistRank)
      .where(sql`${t.status} = 'waitlisted'`),
    index('registrations_partner_idx').on(t.partnerId, t.eventId, t.id),
    index('registrations_delegation_idx').on(t.delegationId),
    index('registrations_person_idx').on(t.personId),
    index('registrations_organisation_idx').on(t.organisationId),
    // The capacity module counts a code's uses and a category's places under the locks on
    // every batch (registration/capacity/counts.ts): these keep each count to its own rows.
    index('registrations_code_uses_idx')
      .on(t.invitationCodeId, t.status)
      .where(sql`${t.invitationCodeId} is not null`),
    index('registrations_category_count_idx').on(t.categoryId, t.status, t.offerExpiresAt),
    // The last rank on a category's waiting list (capacity counters keep the counts).
    index('registrations_category_waitlist_idx')
      .on(t.categoryId, t.waitlistRank)
      .where(sql`${t.status} = 'waitlisted'`),
    // The event-wide count (when the event's limit binds) reads every place-holding row of the
    // event: with the deadlines in the index it is an index-only scan, not a table scan
    // (bench/capacity-counts.ts prints the plan with BENCH_EXPLAIN=1).
    index('registrations_event_count_idx').on(t.eventId, t.status, t.offerExpiresAt, t.paymentDueAt),
    check(
      'registrations_status_check',
      sql`${t.status} in ('pending','confirmed','waitlisted','offered','awaiting_payment','cancelled','rejected')`,
    ),
    check('registrations_source_check', sql`${t.source} in ('portal','staff','partner')`),
    check(
      'registrations_payment_check',
      sql`${t.paymentStatus} in ('not_required','unpaid','paid','waived')`,
    ),
  ],
);

/** An option a registration chose: booked (holds a seat) or waiting for one. */
export const registrationChoices = pgTable(
  'registration_choices',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    optionId: uuid('option_id')
      .notNull()
      .references(() => registrationOptions.id, { onDelete: 'cascade' }),
    status: text('status').$type<ChoiceStatus>().notNull(),
    waitlistRank: bigint('waitlist_rank', { mode: 'number' }),
    /**
     * The registration's status, copied by the trigger of migration capacity_counters so an
     * option's counts need no join (kept in step by the database, never written by code).
     */
    registrationStatus: text('registration_status').$type<RegistrationStatus>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.optionId] }),
    index('registration_choices_option_idx').on(t.optionId, t.status),
    // The last rank on an option's waiting list, read under its lock by every placement.
    index('registration_choices_waitlist_idx')
      .on(t.optionId, t.waitlistRank)
      .where(sql`${t.status} = 'waitlisted'`),
    check('registration_choices_status_check', sql`${t.status} in ('booked','waitlisted')`),
  ],
);

/** A file uploaded for a file question; checked by its content before it is kept. */
export const registrationFiles = pgTable(
  'registration_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('registration_files_registration_idx').on(t.registrationId)],
);

/** A request for a visa invitation letter; the passport fields are erased after the event. */
export const visaLetterRequests = pgTable(
  'visa_letter_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    passportName: text('passport_name'),
    passportNumber: text('passport_number'),
    nationality: text('nationality'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    embassy: text('embassy'),
    status: text('status').$type<VisaLetterStatus>().notNull().default('requested'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Set when the passport fields were erased. */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visa_letter_requests_registration_key').on(t.registrationId),
    index('visa_letter_requests_event_idx').on(t.eventId, t.status),
    check('visa_letter_requests_status_check', sql`${t.status} in ('requested','approved','rejected')`),
  ],
);

/**
 * The places counted against each limit, kept by the database's triggers (migration
 * capacity_counters, custom/capacity-counters.sql) on every write of a registration or a
 * choice, so reading a count costs the same at 50 registrations and at 50,000 (issue 8).
 * One row per category, option or invitation code (absent: all zero). `held` counts the
 * statuses that hold a place whatever their deadline (pending, confirmed, offered,
 * awaiting_payment; for an option, its booked choices of such registrations): the capacity
 * module subtracts the few lapsed offers and payments the expiry job has not released yet.
 * `waiting`: on the waiting list (an option's: of a live registration). `uses`: a code's
 * registrations that are not cancelled or rejected. Read under the limit locks (locks.ts);
 * capacity-counters.test.ts holds them to a recount after every kind of write.
 */
export const capacityCounters = pgTable('capacity_counters', {
  objectId: uuid('object_id').primaryKey(),
  held: integer('held').notNull().default(0),
  waiting: integer('waiting').notNull().default(0),
  uses: integer('uses').notNull().default(0),
});
