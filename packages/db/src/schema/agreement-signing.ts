import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from './events';
import { agreements, agreementVersions } from './agreements';
import { organisations } from './organisations';
import { persons } from './people';

/**
 * A version sent out for signature (issue 13, signing). The version and its SHA-256
 * are frozen here when staff send it: every signature is checked against this hash.
 * At most one envelope of an agreement is open at a time (partial unique index).
 */
export const signingEnvelopes = pgTable(
  'signing_envelopes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => agreementVersions.id),
    versionSha256: text('version_sha256').notNull(),
    signingOrder: text('signing_order').$type<'sequential' | 'parallel'>().notNull(),
    status: text('status').$type<'out' | 'completed' | 'declined' | 'cancelled'>().notNull().default('out'),
    sentByUserId: uuid('sent_by_user_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    declinedReason: text('declined_reason'),
    /** Printed on every page of the sealed PDF; anyone can type it on the verification page. */
    documentCode: text('document_code').notNull(),
    /** The sealed PDF (through the file service) and its SHA-256, set once by the sealing job. */
    sealedFileId: uuid('sealed_file_id'),
    sealedSha256: text('sealed_sha256'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
  },
  (t) => [
    index('signing_envelopes_agreement_idx').on(t.agreementId),
    uniqueIndex('signing_envelopes_code_key').on(t.documentCode),
    index('signing_envelopes_sealed_sha_idx').on(t.sealedSha256),
    uniqueIndex('signing_envelopes_open_key').on(t.agreementId).where(sql`${t.status} = 'out'`),
    check('signing_envelopes_order_check', sql`${t.signingOrder} in ('sequential','parallel')`),
    check('signing_envelopes_status_check', sql`${t.status} in ('out','completed','declined','cancelled')`),
  ],
);

/**
 * A person asked to act on an envelope, for a party (an organisation), as printed:
 * their title and "on behalf of". Step orders a sequential envelope (equal steps act
 * in parallel); a CC never acts and is not waited for.
 */
export const signingRecipients = pgTable(
  'signing_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => signingEnvelopes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<'signer' | 'approver' | 'witness' | 'cc'>().notNull(),
    /**
     * The name as staff typed it for the signature block: a known person's profile is
     * not rewritten by staff typing (people.service), and may have no name on file yet.
     */
    printedName: text('printed_name').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull().default({}),
    onBehalfOf: jsonb('on_behalf_of').$type<LocalizedText>().notNull().default({}),
    step: integer('step').notNull(),
    status: text('status').$type<'pending' | 'signed' | 'declined'>().notNull().default('pending'),
  },
  (t) => [
    index('signing_recipients_envelope_idx').on(t.envelopeId, t.step),
    index('signing_recipients_person_idx').on(t.personId),
    uniqueIndex('signing_recipients_person_key').on(t.envelopeId, t.personId, t.organisationId, t.role),
    check('signing_recipients_role_check', sql`${t.role} in ('signer','approver','witness','cc')`),
    check('signing_recipients_status_check', sql`${t.status} in ('pending','signed','declined')`),
  ],
);

/**
 * What a recipient signed: exactly one row per recipient (the unique index is what
 * stops a double click or two tabs from counting twice), with the hash they saw.
 */
export const signingSignatures = pgTable(
  'signing_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => signingRecipients.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'typed' | 'drawn'>().notNull(),
    typedName: text('typed_name'),
    /** The drawn signature, a checked PNG, base64 without the data URL prefix. */
    pngBase64: text('png_base64'),
    sha256: text('sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('signing_signatures_recipient_key').on(t.recipientId),
    check('signing_signatures_kind_check', sql`${t.kind} in ('typed','drawn')`),
  ],
);

/** The envelope's audit trail, printed on the certificate page: who, when, from where, which hash. */
export const signingTrail = pgTable(
  'signing_trail',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => signingEnvelopes.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id'),
    action: text('action').notNull(),
    /** A person or a staff user; the name as it was, so the trail outlives renames. */
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    sha256: text('sha256').notNull(),
    detail: text('detail'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('signing_trail_envelope_idx').on(t.envelopeId, t.at)],
);
