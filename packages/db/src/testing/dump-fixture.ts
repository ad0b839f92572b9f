/**
 * Writes every row of a Plenary database as SQL a later release can load: the
 * fixture of the migration tests (a database made by one release, migrated by the next).
 *
 *   npx tsx packages/db/src/testing/dump-fixture.ts <pglite data dir> <out.sql>
 *
 * How release-0006-demo.sql was made (main at 0516de3, migrations 0000-0006):
 *   cd apps/server && export PLENARY_DATA_DIR=/tmp/people-fix
 *   npx tsx src/cli/main.ts migrate && npx tsx src/cli/main.ts demo
 *   npx tsx ../../packages/db/src/testing/dump-fixture.ts /tmp/people-fix ../../packages/db/src/testing/fixtures/release-0006-demo.sql
 *
 * Each table becomes one insert from a JSON array (json_populate_recordset), so
 * types survive on both engines without a driver in between; foreign keys are
 * not checked while loading (session_replication_role), so table order is free.
 */
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const [dataDir, out] = process.argv.slice(2);
if (!dataDir || !out) throw new Error('usage: dump-fixture.ts <pglite data dir> <out.sql>');

const db = await PGlite.create(dataDir);
const tables = await db.query<{ name: string }>(
  `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
);
const lines = ['-- Rows of a Plenary database, written by packages/db/src/testing/dump-fixture.ts', "set session_replication_role = 'replica';"];
for (const { name } of tables.rows) {
  const rows = await db.query<{ data: string | null }>(
    `select json_agg(t order by t)::text as data from "${name}" t`,
  );
  const data = rows.rows[0]?.data;
  if (!data) continue;
  if (data.includes('$fixture$')) throw new Error(`${name} holds the quoting tag`);
  lines.push(`insert into "${name}" select * from json_populate_recordset(null::"${name}", $fixture$${data}$fixture$);`);
}
const seqs = await db.query<{ name: string; value: string; called: boolean }>(
  `select sequencename as name, last_value::text as value, true as called from pg_sequences where schemaname = 'public' and last_value is not null`,
);
for (const s of seqs.rows) lines.push(`select setval('"${s.name}"', ${s.value}, ${s.called});`);
lines.push("set session_replication_role = 'origin';");
writeFileSync(out, lines.join('\n') + '\n');
await db.close();
console.log(`${tables.rows.length} tables, ${seqs.rows.length} sequences -> ${out}`);
