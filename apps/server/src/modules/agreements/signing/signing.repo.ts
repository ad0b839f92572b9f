import { and, asc, desc, eq, isNull, schema, type Executor } from '@plenary/db';

const { signingEnvelopes, signingRecipients, signingSignatures, signingTrail, agreements, agreementVersions, organisations, persons } =
  schema;

export type EnvelopeRow = typeof signingEnvelopes.$inferSelect;
export type RecipientRow = typeof signingRecipients.$inferSelect;

export async function insertEnvelope(db: Executor, row: typeof signingEnvelopes.$inferInsert): Promise<EnvelopeRow> {
  const [created] = await db.insert(signingEnvelopes).values(row).returning();
  if (!created) throw new Error('envelope insert returned nothing');
  return created;
}

export async function insertRecipients(db: Executor, rows: (typeof signingRecipients.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(signingRecipients).values(rows);
}

export async function findEnvelope(db: Executor, id: string, forUpdate = false): Promise<EnvelopeRow | undefined> {
  const q = db.select().from(signingEnvelopes).where(eq(signingEnvelopes.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function openEnvelopeOf(db: Executor, agreementId: string): Promise<EnvelopeRow | undefined> {
  const [row] = await db
    .select()
    .from(signingEnvelopes)
    .where(and(eq(signingEnvelopes.agreementId, agreementId), eq(signingEnvelopes.status, 'out')))
    .for('update');
  return row;
}

export async function latestEnvelopeOf(db: Executor, agreementId: string): Promise<EnvelopeRow | undefined> {
  const [row] = await db
    .select()
    .from(signingEnvelopes)
    .where(eq(signingEnvelopes.agreementId, agreementId))
    .orderBy(desc(signingEnvelopes.sentAt), desc(signingEnvelopes.id))
    .limit(1);
  return row;
}

export async function updateEnvelope(
  db: Executor,
  id: string,
  patch: Partial<typeof signingEnvelopes.$inferInsert>,
): Promise<EnvelopeRow> {
  const [row] = await db.update(signingEnvelopes).set(patch).where(eq(signingEnvelopes.id, id)).returning();
  if (!row) throw new Error('envelope update returned nothing');
  return row;
}

/** The recipients of an envelope, with the names and organisations printed on the page. */
export async function recipientsOf(db: Executor, envelopeId: string) {
  return db
    .select({
      id: signingRecipients.id,
      personId: signingRecipients.personId,
      organisationId: signingRecipients.organisationId,
      role: signingRecipients.role,
      title: signingRecipients.title,
      onBehalfOf: signingRecipients.onBehalfOf,
      step: signingRecipients.step,
      status: signingRecipients.status,
      printedName: signingRecipients.printedName,
      email: persons.email,
      locale: persons.locale,
      organisation: organisations.name,
      signedAt: signingSignatures.signedAt,
    })
    .from(signingRecipients)
    .innerJoin(persons, eq(persons.id, signingRecipients.personId))
    .innerJoin(organisations, eq(organisations.id, signingRecipients.organisationId))
    .leftJoin(signingSignatures, eq(signingSignatures.recipientId, signingRecipients.id))
    .where(eq(signingRecipients.envelopeId, envelopeId))
    .orderBy(asc(signingRecipients.step), asc(signingRecipients.id));
}
export type RecipientView = Awaited<ReturnType<typeof recipientsOf>>[number];

export async function setRecipientStatus(db: Executor, id: string, status: 'signed' | 'declined'): Promise<void> {
  await db.update(signingRecipients).set({ status }).where(eq(signingRecipients.id, id));
}

/**
 * The signature, once per recipient: a second insert for the same recipient (a
 * double click, two tabs, a race) answers false instead of a second row.
 */
export async function insertSignature(db: Executor, row: typeof signingSignatures.$inferInsert): Promise<boolean> {
  const created = await db
    .insert(signingSignatures)
    .values(row)
    .onConflictDoNothing({ target: signingSignatures.recipientId })
    .returning({ id: signingSignatures.id });
  return created.length === 1;
}

export async function insertTrail(db: Executor, row: typeof signingTrail.$inferInsert): Promise<void> {
  await db.insert(signingTrail).values(row);
}

export async function trailOf(db: Executor, envelopeId: string) {
  return db
    .select()
    .from(signingTrail)
    .where(eq(signingTrail.envelopeId, envelopeId))
    .orderBy(asc(signingTrail.at), asc(signingTrail.id));
}

export async function versionByNumber(db: Executor, agreementId: string, number: number) {
  const [row] = await db
    .select()
    .from(agreementVersions)
    .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, number)));
  return row;
}

export async function versionById(db: Executor, id: string) {
  const [row] = await db.select().from(agreementVersions).where(eq(agreementVersions.id, id));
  return row;
}

/** The agreement behind an envelope, locked: every signing step of one agreement runs one at a time. */
export async function lockAgreementById(db: Executor, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id)).for('update');
  return row;
}

export async function agreementById(db: Executor, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row;
}


/** The signatures of an envelope, with what the sealed PDF prints of each signatory. */
export async function signaturesFor(db: Executor, envelopeId: string) {
  return db
    .select({
      role: signingRecipients.role,
      name: signingRecipients.printedName,
      title: signingRecipients.title,
      onBehalfOf: signingRecipients.onBehalfOf,
      organisation: organisations.name,
      signedAt: signingSignatures.signedAt,
      typedName: signingSignatures.typedName,
      pngBase64: signingSignatures.pngBase64,
    })
    .from(signingSignatures)
    .innerJoin(signingRecipients, eq(signingRecipients.id, signingSignatures.recipientId))
    .innerJoin(organisations, eq(organisations.id, signingRecipients.organisationId))
    .where(eq(signingRecipients.envelopeId, envelopeId))
    .orderBy(asc(signingRecipients.step), asc(signingSignatures.signedAt), asc(signingRecipients.id));
}

/** Completed envelopes still waiting for their sealed PDF (the sealing job's work). */
export async function unsealedEnvelopes(db: Executor, limit = 20) {
  return db
    .select({ id: signingEnvelopes.id })
    .from(signingEnvelopes)
    .where(and(eq(signingEnvelopes.status, 'completed'), isNull(signingEnvelopes.sealedFileId)))
    .orderBy(asc(signingEnvelopes.completedAt))
    .limit(limit);
}

/** Records the sealed PDF once: false when another sealer was first. */
export async function claimSeal(db: Executor, id: string, seal: { fileId: string; sha256: string; at: Date }) {
  const rows = await db
    .update(signingEnvelopes)
    .set({ sealedFileId: seal.fileId, sealedSha256: seal.sha256, sealedAt: seal.at })
    .where(and(eq(signingEnvelopes.id, id), isNull(signingEnvelopes.sealedFileId)))
    .returning({ id: signingEnvelopes.id });
  return rows.length === 1;
}

export async function envelopeBySealedSha(db: Executor, sha256: string) {
  const [row] = await db.select().from(signingEnvelopes).where(eq(signingEnvelopes.sealedSha256, sha256));
  return row;
}

export async function envelopeByCode(db: Executor, code: string) {
  const [row] = await db.select().from(signingEnvelopes).where(eq(signingEnvelopes.documentCode, code));
  return row;
}
