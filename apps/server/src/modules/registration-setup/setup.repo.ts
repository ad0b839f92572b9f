import { and, asc, desc, eq, schema, sql, type Executor } from '@plenary/db';
import { selectRows } from '../../core/sql';

const {
  events,
  registrationSettings,
  registrationCategories,
  registrationOptions,
  invitationCodes,
  consentVersions,
  registrations,
  registrationChoices,
} = schema;

export type SettingsRow = typeof registrationSettings.$inferSelect;
export type CategoryRow = typeof registrationCategories.$inferSelect;
export type OptionRow = typeof registrationOptions.$inferSelect;
export type CodeRow = typeof invitationCodes.$inferSelect;
export type ConsentRow = typeof consentVersions.$inferSelect;

// Settings ------------------------------------------------------------------

export async function findSettings(db: Executor, eventId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(registrationSettings).where(eq(registrationSettings.eventId, eventId));
  return row;
}

/** The event's settings row, created with the defaults on first write, locked for the change. */
export async function lockSettings(db: Executor, eventId: string): Promise<SettingsRow> {
  await db.insert(registrationSettings).values({ eventId }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId))
    .for('no key update');
  if (!row) throw new Error('registration settings row missing after insert');
  return row;
}

export async function updateSettings(
  db: Executor,
  eventId: string,
  patch: Partial<typeof registrationSettings.$inferInsert>,
  now: Date,
): Promise<SettingsRow> {
  const [row] = await db
    .update(registrationSettings)
    .set({ ...patch, updatedAt: now })
    .where(eq(registrationSettings.eventId, eventId))
    .returning();
  if (!row) throw new Error('registration settings update returned nothing');
  return row;
}

// Categories ----------------------------------------------------------------

export async function listCategories(db: Executor, eventId: string): Promise<CategoryRow[]> {
  return db
    .select()
    .from(registrationCategories)
    .where(eq(registrationCategories.eventId, eventId))
    .orderBy(asc(registrationCategories.position), asc(registrationCategories.createdAt));
}

/** The category if it belongs to the event, locked: registrations are placed under the same lock. */
export async function lockCategory(
  db: Executor,
  eventId: string,
  categoryId: string,
): Promise<CategoryRow | undefined> {
  const [row] = await db
    .select()
    .from(registrationCategories)
    .where(and(eq(registrationCategories.id, categoryId), eq(registrationCategories.eventId, eventId)))
    .for('no key update');
  return row;
}

export async function insertCategory(
  db: Executor,
  row: typeof registrationCategories.$inferInsert,
): Promise<CategoryRow> {
  const [created] = await db.insert(registrationCategories).values(row).returning();
  if (!created) throw new Error('category insert returned nothing');
  return created;
}

export async function updateCategory(
  db: Executor,
  id: string,
  patch: Partial<typeof registrationCategories.$inferInsert>,
  now: Date,
): Promise<CategoryRow> {
  const [row] = await db
    .update(registrationCategories)
    .set({ ...patch, updatedAt: now })
    .where(eq(registrationCategories.id, id))
    .returning();
  if (!row) throw new Error('category update returned nothing');
  return row;
}

export async function deleteCategory(db: Executor, id: string): Promise<void> {
  await db.delete(registrationCategories).where(eq(registrationCategories.id, id));
}

/** Every registration in the category, cancelled and rejected ones too (they keep their category). */
export async function countRegistrationsInCategory(db: Executor, categoryId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.categoryId, categoryId));
  return Number(row?.n ?? 0);
}

// Options -------------------------------------------------------------------

export async function listOptions(db: Executor, eventId: string): Promise<OptionRow[]> {
  return db
    .select()
    .from(registrationOptions)
    .where(eq(registrationOptions.eventId, eventId))
    .orderBy(asc(registrationOptions.position), asc(registrationOptions.createdAt));
}

export async function lockOption(
  db: Executor,
  eventId: string,
  optionId: string,
): Promise<OptionRow | undefined> {
  const [row] = await db
    .select()
    .from(registrationOptions)
    .where(and(eq(registrationOptions.id, optionId), eq(registrationOptions.eventId, eventId)))
    .for('no key update');
  return row;
}

export async function insertOption(
  db: Executor,
  row: typeof registrationOptions.$inferInsert,
): Promise<OptionRow> {
  const [created] = await db.insert(registrationOptions).values(row).returning();
  if (!created) throw new Error('option insert returned nothing');
  return created;
}

export async function updateOption(
  db: Executor,
  id: string,
  patch: Partial<typeof registrationOptions.$inferInsert>,
  now: Date,
): Promise<OptionRow> {
  const [row] = await db
    .update(registrationOptions)
    .set({ ...patch, updatedAt: now })
    .where(eq(registrationOptions.id, id))
    .returning();
  if (!row) throw new Error('option update returned nothing');
  return row;
}

export async function deleteOption(db: Executor, id: string): Promise<void> {
  await db.delete(registrationOptions).where(eq(registrationOptions.id, id));
}

/** Registrations that chose the option, whatever their status. */
export async function countChoicesOfOption(db: Executor, optionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrationChoices)
    .where(eq(registrationChoices.optionId, optionId));
  return Number(row?.n ?? 0);
}

// Invitation codes ----------------------------------------------------------

export async function listCodes(db: Executor, eventId: string): Promise<CodeRow[]> {
  return db
    .select()
    .from(invitationCodes)
    .where(eq(invitationCodes.eventId, eventId))
    .orderBy(desc(invitationCodes.createdAt), asc(invitationCodes.code));
}

export async function lockCode(db: Executor, eventId: string, codeId: string): Promise<CodeRow | undefined> {
  const [row] = await db
    .select()
    .from(invitationCodes)
    .where(and(eq(invitationCodes.id, codeId), eq(invitationCodes.eventId, eventId)))
    .for('no key update');
  return row;
}

export async function insertCode(db: Executor, row: typeof invitationCodes.$inferInsert): Promise<CodeRow> {
  const [created] = await db.insert(invitationCodes).values(row).returning();
  if (!created) throw new Error('invitation code insert returned nothing');
  return created;
}

export async function revokeCode(db: Executor, id: string, now: Date): Promise<CodeRow> {
  const [row] = await db
    .update(invitationCodes)
    .set({ revokedAt: now })
    .where(eq(invitationCodes.id, id))
    .returning();
  if (!row) throw new Error('invitation code update returned nothing');
  return row;
}

// Consent texts -------------------------------------------------------------

export async function listConsents(db: Executor, eventId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consentVersions)
    .where(eq(consentVersions.eventId, eventId))
    .orderBy(asc(consentVersions.kind), desc(consentVersions.version));
}

/**
 * Serialises publishing for one event, so two editors cannot both compute the
 * same next version. The event row is the one lock every event already has.
 */
export async function lockEvent(db: Executor, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.id, eventId))
    .for('no key update');
  return Boolean(row);
}

export async function latestConsentVersion(db: Executor, eventId: string, kind: string): Promise<number> {
  const rows = await selectRows<{ v: number | null }>(
    db,
    sql`select max(version)::int as v from consent_versions where event_id = ${eventId} and kind = ${kind}`,
  );
  return Number(rows[0]?.v ?? 0);
}

export async function insertConsent(
  db: Executor,
  row: typeof consentVersions.$inferInsert,
): Promise<ConsentRow> {
  const [created] = await db.insert(consentVersions).values(row).returning();
  if (!created) throw new Error('consent insert returned nothing');
  return created;
}
