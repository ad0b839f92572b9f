import { sql } from '@plenary/db';
import type { Runtime, UnitOfWork } from '../../core/runtime';
import { sqlArray } from './capacity';

/**
 * The limited objects a transaction may lock, in the one order every
 * transaction takes them: the event, then categories, codes and options, each
 * by id. Taking locks in a single global order means two transactions never
 * wait for each other in a circle (no deadlocks).
 */
export type LimitKey = { kind: 'event' | 'category' | 'code' | 'option'; id: string };
const rank = { event: 1, category: 2, code: 3, option: 4 } as const;

/**
 * Transaction-scoped advisory locks, one per limited object, as pretix does for
 * quotas. Whoever holds an object's lock may count its places from the rows and
 * rely on the count until commit, on PostgreSQL and on PGlite alike.
 */
export async function lockLimits(runtime: Runtime, uow: UnitOfWork, keys: LimitKey[]): Promise<void> {
  if (runtime.config.capacityLocks === false) return;
  const unique = [...new Map(keys.map((k) => [`${rank[k.kind]}:${k.id}`, k])).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  if (!unique.length) return;
  // One statement: the locks are taken row by row in the order given.
  await uow.tx.execute(
    sql`select count(pg_advisory_xact_lock(hashtextextended(k, 0)))
        from (select k from unnest(${sqlArray(
          unique.map(([name]) => 'plenary.capacity:' + name),
          'text',
        )})
              with ordinality as t(k, n) order by n) s`,
  );
}
