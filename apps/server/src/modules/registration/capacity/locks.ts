/**
 * THE ONE LOCK ORDER (every path that counts places or changes a limit follows it):
 *
 * 1. First the advisory limit locks, in the global order event, categories,
 *    codes, options (ordered by id inside each kind), all taken in one statement.
 * 2. Then row locks (`for update`) on registration rows, ordered by id.
 *
 * A path that must read a row to know which limits to lock reads it without a
 * lock, takes the advisory locks, then locks the row and re-checks that the set
 * of limits is unchanged (otherwise it retries: RetryTransaction).
 *
 * Objects are locked by identity, never by "has a limit now": an option without
 * a limit is locked like one with a limit, so a limit given to it is serialised
 * with the placements that book it (issue 8, item 2). Every limit is read after
 * its lock is held (counts.ts), and every change of a limit takes the locks of
 * the whole event (lockWholeEvent), so a limit is never compared while it changes.
 */
import { eq, schema, sql, type Executor } from '@plenary/db';
import type { Runtime, UnitOfWork } from '../../../core/runtime';
import { sqlArray } from '../../../core/sql';

export type LimitKind = 'event' | 'category' | 'code' | 'option';
export type LimitKey = { kind: LimitKind; id: string };
const rank: Record<LimitKind, number> = { event: 1, category: 2, code: 3, option: 4 };

/** The keys in the one order, each once. */
export function orderedKeys(keys: LimitKey[]): LimitKey[] {
  const unique = new Map(keys.map((k) => [`${rank[k.kind]}:${k.id}`, k]));
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
}

/**
 * Transaction-scoped advisory locks, one per limited object, as pretix does for
 * quotas. Whoever holds an object's lock may read its limit and count its
 * places from the rows, and rely on both until commit, on PostgreSQL and PGlite.
 */
export async function lockLimits(runtime: Runtime, uow: UnitOfWork, keys: LimitKey[]): Promise<void> {
  if (runtime.config.capacityLocks === false) return;
  const ordered = orderedKeys(keys);
  if (!ordered.length) return;
  // One statement: the locks are taken row by row in the order given.
  await uow.tx.execute(
    sql`select count(pg_advisory_xact_lock(hashtextextended(k, 0)))
        from (select k from unnest(${sqlArray(
          ordered.map((k) => `plenary.capacity:${rank[k.kind]}:${k.id}`),
          'text',
        )})
              with ordinality as t(k, n) order by n) s`,
  );
}

/** Every limited object of an event: the event, its categories, codes and options. */
export async function limitKeysOfEvent(db: Executor, eventId: string): Promise<LimitKey[]> {
  const { registrationCategories: c, registrationOptions: o, invitationCodes: i } = schema;
  // One after the other: a transaction's client runs one query at a time.
  const cats = await db.select({ id: c.id }).from(c).where(eq(c.eventId, eventId));
  const codes = await db.select({ id: i.id }).from(i).where(eq(i.eventId, eventId));
  const opts = await db.select({ id: o.id }).from(o).where(eq(o.eventId, eventId));
  return [
    { kind: 'event', id: eventId },
    ...cats.map((r) => ({ kind: 'category' as const, id: r.id })),
    ...codes.map((r) => ({ kind: 'code' as const, id: r.id })),
    ...opts.map((r) => ({ kind: 'option' as const, id: r.id })),
  ];
}

/**
 * Locks every limited object of the event: what a change of a limit needs (it
 * may change what any category, and the event, has left), and what releasing a
 * place and handing it on needs (the next person may be in any category and
 * have chosen any option). An object created after the ids were read is
 * created under lockWholeEvent too (createCategory), so none is missed.
 */
export async function lockWholeEvent(runtime: Runtime, uow: UnitOfWork, eventId: string): Promise<void> {
  await lockLimits(runtime, uow, await limitKeysOfEvent(uow.tx, eventId));
}
