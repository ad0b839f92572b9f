import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events';
import { users } from './identity';

/** "held": not sent because the address is suppressed (it bounced permanently before). */
export const mailStatuses = ['queued', 'sent', 'failed', 'captured', 'held'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** A file sent with a message, e.g. the event's calendar entry (.ics). Small, text. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Every outgoing message, written in the transaction that causes it. With SMTP
 * configured a job delivers it after commit ("queued" -> "sent"); without SMTP it is
 * kept here as "captured" and read in the admin console.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id'),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    status: text('status').$type<MailStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_created_idx').on(t.createdAt), index('mail_outbox_status_idx').on(t.status)],
);

/**
 * Addresses whose server refused a message permanently (SMTP 5xx). Later mails to
 * them are kept as "held" instead of being sent again into the bounce; staff see
 * them in the outbox and remove the suppression when the address is fixed.
 * The address is stored lower-cased.
 */
export const mailSuppressions = pgTable('mail_suppressions', {
  address: text('address').primaryKey(),
  /** The server's reply, e.g. "550 Mailbox unavailable". */
  reason: text('reason').notNull(),
  mailId: uuid('mail_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Staff's wording of one mail kind for one event and language; absent: the default template. */
export const mailTemplateOverrides = pgTable(
  'mail_template_overrides',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.kind, t.locale] })],
);
