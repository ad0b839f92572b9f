import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Inserts many rows with one parameter: the rows as a JSON array, unpacked by
 * jsonb_populate_recordset into the table's own row type. Building a
 * multi-row INSERT with a parameter per value costs the server more CPU than
 * the database spends on the rows (for fifty registrations, some 1,500
 * parameters), and this path is paid by every registration.
 *
 * The columns written are the keys the rows give (values converted as
 * JSON.stringify does: dates become ISO strings, which PostgreSQL reads back
 * exactly); columns left out get their defaults. A key one row gives and
 * another leaves out is written as null in the latter. Returns the inserted
 * rows' `returning` columns, if asked for.
 */
export async function insertRows<T extends PgTable, R extends string = never>(
  db: Executor,
  table: T,
  rows: Array<T['$inferInsert']>,
  returning: R[] = [],
): Promise<Array<Record<R, unknown>>> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  // Keys no row gives a value for are left to their defaults.
  const keys = [
    ...new Set(
      rows.flatMap((r) =>
        Object.entries(r as Record<string, unknown>).flatMap(([k, v]) => (v === undefined ? [] : [k])),
      ),
    ),
  ];
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`${getTableName(table)} has no column ${k}`);
    return sql.identifier(column.name);
  });
  const json = JSON.stringify(
    rows.map((r) =>
      Object.fromEntries(keys.map((k) => [columns[k]!.name, (r as Record<string, unknown>)[k] ?? null])),
    ),
  );
  const list = sql.join(names, sql`, `);
  const back: SQL = returning.length
    ? sql` returning ${sql.join(
        returning.map((k) => sql`${sql.identifier(columns[k]?.name ?? k)} as ${sql.identifier(k)}`),
        sql`, `,
      )}`
    : sql``;
  const result: unknown = await db.execute(
    sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)${back}`,
  );
  if (!returning.length) return [];
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Array<
    Record<R, unknown>
  >;
}
