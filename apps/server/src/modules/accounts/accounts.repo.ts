import { and, eq, gt, isNull, lte, ne, schema, sql, type Executor } from '@plenary/db';

const { persons, personSessions, personSignInCodes } = schema;

// ---------------------------------------------------------------------------
// Persons

/** The person with this (normalised) address, created when there is none; marked verified. */
export async function findOrCreateVerifiedPerson(
  db: Executor,
  email: string,
  locale: string,
  now: Date,
): Promise<{ id: string; email: string }> {
  // One statement, so two sign-ins of a new address at once still make one person.
  const [row] = await db
    .insert(persons)
    .values({ email, givenName: '', familyName: '', locale, emailVerifiedAt: now })
    .onConflictDoUpdate({
      target: persons.email,
      set: { emailVerifiedAt: sql`coalesce(${persons.emailVerifiedAt}, excluded.email_verified_at)` },
    })
    .returning({ id: persons.id, email: persons.email });
  if (!row) throw new Error('person upsert returned nothing');
  return row;
}

export async function findPerson(db: Executor, personId: string) {
  const [row] = await db
    .select({
      id: persons.id,
      email: persons.email,
      givenName: persons.givenName,
      familyName: persons.familyName,
      locale: persons.locale,
    })
    .from(persons)
    .where(and(eq(persons.id, personId), isNull(persons.erasedAt)));
  return row;
}

// ---------------------------------------------------------------------------
// Sign-in codes

export type SignInCodeRow = typeof personSignInCodes.$inferSelect;

/** Replaces any earlier code of the address: only the newest mail works. */
export async function putSignInCode(
  db: Executor,
  row: { email: string; codeHash: string; linkTokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .insert(personSignInCodes)
    .values({ ...row, failedAttempts: 0 })
    .onConflictDoUpdate({
      target: personSignInCodes.email,
      set: { ...row, failedAttempts: 0, createdAt: sql`now()` },
    });
}

/** The address's code, locked until the transaction ends (two guesses at once count twice). */
export async function lockSignInCode(db: Executor, email: string): Promise<SignInCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(personSignInCodes)
    .where(eq(personSignInCodes.email, email))
    .for('update');
  return row;
}

export async function lockSignInLink(
  db: Executor,
  linkTokenHash: string,
): Promise<SignInCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(personSignInCodes)
    .where(eq(personSignInCodes.linkTokenHash, linkTokenHash))
    .for('update');
  return row;
}

export async function countFailedSignInCode(db: Executor, email: string): Promise<void> {
  await db
    .update(personSignInCodes)
    .set({ failedAttempts: sql`${personSignInCodes.failedAttempts} + 1` })
    .where(eq(personSignInCodes.email, email));
}

/** The codes expired by `now`; returns how many went. */
export async function deleteExpiredSignInCodes(db: Executor, now: Date): Promise<number> {
  const gone = await db
    .delete(personSignInCodes)
    .where(lte(personSignInCodes.expiresAt, now))
    .returning({ email: personSignInCodes.email });
  return gone.length;
}

export async function deleteSignInCode(db: Executor, email: string): Promise<void> {
  await db.delete(personSignInCodes).where(eq(personSignInCodes.email, email));
}

// ---------------------------------------------------------------------------
// Sessions

export async function insertPersonSession(
  db: Executor,
  row: typeof personSessions.$inferInsert,
): Promise<void> {
  await db.insert(personSessions).values(row);
}

export async function findLivePersonSession(db: Executor, id: string, now: Date) {
  const [row] = await db
    .select({
      sessionId: personSessions.id,
      csrfToken: personSessions.csrfToken,
      lastSeenAt: personSessions.lastSeenAt,
      personId: persons.id,
      email: persons.email,
    })
    .from(personSessions)
    .innerJoin(persons, eq(persons.id, personSessions.personId))
    .where(and(eq(personSessions.id, id), gt(personSessions.expiresAt, now), isNull(persons.erasedAt)));
  return row;
}

export async function touchPersonSession(
  db: Executor,
  id: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db.update(personSessions).set({ lastSeenAt: now, expiresAt }).where(eq(personSessions.id, id));
}

export async function deletePersonSession(db: Executor, id: string): Promise<void> {
  await db.delete(personSessions).where(eq(personSessions.id, id));
}

export async function deleteSessionsOfPerson(db: Executor, personId: string, except?: string): Promise<void> {
  await db
    .delete(personSessions)
    .where(
      except
        ? and(eq(personSessions.personId, personId), ne(personSessions.id, except))
        : eq(personSessions.personId, personId),
    );
}
