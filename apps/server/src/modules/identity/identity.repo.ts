import { and, count, eq, gt, isNull, lt, ne, or, schema, sql, type Executor } from '@plenary/db';

const { users, sessions, loginAttempts, recoveryCodes, passwordResets } = schema;

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  if (!created) throw new Error('user insert returned nothing');
  return created;
}

export async function updateUser(db: Executor, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

export async function listUsers(db: Executor) {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName, isPlatformAdmin: users.isPlatformAdmin })
    .from(users)
    .orderBy(users.email);
}

export async function countUsers(db: Executor, options: { platformAdmins?: boolean } = {}): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(options.platformAdmins ? eq(users.isPlatformAdmin, true) : undefined);
  return Number(row?.n ?? 0);
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** The session and its user, if the session is live and the user not disabled. */
export async function findLiveSession(db: Executor, id: string, now: Date) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      secondFactorDone: sessions.secondFactorDone,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      isPlatformAdmin: users.isPlatformAdmin,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  return row;
}

export async function touchSession(db: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function markSecondFactorDone(db: Executor, id: string): Promise<void> {
  await db.update(sessions).set({ secondFactorDone: true }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Executor, userId: string, options: { except?: string } = {}): Promise<void> {
  const keep = options.except;
  await db.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
}

export async function recordLoginAttempt(db: Executor, row: typeof loginAttempts.$inferInsert): Promise<void> {
  await db.insert(loginAttempts).values(row);
}

/** Failed attempts since a moment, with the oldest one's time (to say when the lock lifts). */
export async function countFailures(
  db: Executor,
  by: { kind: string; email?: string; ip?: string },
  since: Date,
): Promise<{ n: number; oldest: Date | null }> {
  const conditions = [eq(loginAttempts.kind, by.kind), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)];
  if (by.email) conditions.push(eq(loginAttempts.email, by.email));
  if (by.ip) conditions.push(eq(loginAttempts.ip, by.ip));
  const [row] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(...conditions));
  return { n: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

/** Uses a recovery code once: true when an unused code matched. */
export async function consumeRecoveryCode(db: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

export async function insertPasswordReset(db: Executor, row: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(row);
}

export async function countRecentResets(db: Executor, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since)));
  return Number(row?.n ?? 0);
}

/** Marks a live reset token used and returns its user; null when unknown, used or expired. */
export async function consumePasswordReset(db: Executor, tokenHash: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  return row?.userId ?? null;
}

/**
 * Ends every reset link of the user still open: once the password has been
 * reset or changed, an older mail (perhaps read by someone else) must not reset it again.
 */
export async function endPasswordResets(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/**
 * Records the time step of an accepted TOTP code; false when that step (or a
 * later one) was already used, so an observed code cannot be replayed.
 */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length > 0;
}
