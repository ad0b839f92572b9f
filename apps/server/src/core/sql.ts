import type { Executor } from '@plenary/db';
import { sql, type SQL } from 'drizzle-orm';

/** Runs raw SQL and returns its rows on either engine (drizzle's result shapes differ). */
export async function selectRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}

/** An array literal of this type whose elements are bound parameters (the same on both engines). */
export function sqlArray(values: readonly string[], type: 'uuid' | 'text'): SQL {
  const cast = sql.raw(type);
  return values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}::${cast}`),
        sql`, `,
      )}]`
    : sql`array[]::${cast}[]`;
}
