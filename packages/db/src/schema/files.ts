import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A file any module keeps (issue 9 §4): checked by its content when it arrived,
 * owned by one object (kind + id, in one event) whose module decides who may
 * open it. A file no object claimed is an orphan and is removed after a while.
 * Its bytes live apart (file_blobs, or another FileStore) so listing files
 * never reads them.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The event the file was sent for; its removal removes the file. */
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    /** What the file was sent for, e.g. "registration.answer" (a form's file question). */
    purpose: text('purpose').notNull(),
    /** The object that owns it, e.g. kind "registration" and the registration's id; null while an orphan. */
    ownerKind: text('owner_kind'),
    ownerId: uuid('owner_id'),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Which FileStore holds the bytes ("postgres": file_blobs). */
    store: text('store').notNull().default('postgres'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerKind, t.ownerId),
    index('files_orphans_idx').on(t.createdAt).where(sql`owner_id is null`),
  ],
);

/** A file's bytes as bytea (not base64), so every server process on the database reads them. */
export const fileBlobs = pgTable('file_blobs', {
  fileId: uuid('file_id')
    .primaryKey()
    .references(() => files.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});
