import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase, type Database } from './client';
import { testPostgresUrl } from './testing/engine';
import { withDatabase } from './testing/global-setup';

/**
 * Issue 9's "done means": a database made by the release before people (migrations
 * 0000-0005, the demo loaded by that release's code: fixtures/release-0006-demo.sql, see
 * testing/dump-fixture.ts) migrates forward with nothing lost.
 */
const RELEASE_MIGRATIONS = 6;
const PERSONAL = ['email', 'given_name', 'family_name', 'local_name', 'job_title', 'country', 'phone'];
const fixture = readFileSync(new URL('./testing/fixtures/release-0006-demo.sql', import.meta.url), 'utf8');
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A copy of the migrations folder that stops after `count` migrations (the release's by default). */
function releaseFolder(count = RELEASE_MIGRATIONS): string {
  const dir = mkdtempSync(join(tmpdir(), 'plenary-release-'));
  cpSync(migrationsFolder(), dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(engine: 'pglite' | 'postgres'): Promise<Database> {
  if (engine === 'pglite') return openDatabase({ engine, dataDir: null, pglite: await PGlite.create() });
  const base = testPostgresUrl();
  const name = `plenary_people_mig_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ engine, url: withDatabase(base, name), poolSize: 2 });
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return database;
}

async function migrateTo(database: Database, folder: string) {
  if (database.engine === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
  else await migratePg(database.db as never, { migrationsFolder: folder });
}

async function counts(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const r = await database.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
    out[name] = Number(r.rows[0]?.n);
  }
  return out;
}

/** Every registration as json, without the personal columns that move to the person. */
async function registrationsWithout(database: Database, columns: string[]) {
  const { rows } = await database.query<{ row: Record<string, unknown> }>(
    // Columns the release did not have: the person, the organisation, a payment deadline.
    `select to_jsonb(r) - $1::text[] - 'pending_profile' - 'person_id' - 'organisation_id' - 'payment_due_at' as row
       from registrations r order by id`,
    [columns],
  );
  return rows.map((r) => r.row);
}

const engines =
  process.env.PLENARY_TEST_POSTGRES === '0' ? (['pglite'] as const) : (['pglite', 'postgres'] as const);

describe.each(engines)('people migration on %s', (engine) => {
  it(
    'gives every registration and delegation contact its person, losing nothing',
    { timeout: 120_000 },
    async () => {
      const database = await open(engine);
      cleanups.push(() => database.close());
      await migrateTo(database, releaseFolder());
      await database.exec(fixture);

      const before = await counts(database);
      const oldPeople = await database.query<Record<string, string | null>>(
        `select id, ${PERSONAL.join(', ')}, email_verified_at::text as verified from registrations order by id`,
      );
      const oldDelegations = await database.query<{ id: string; contact_email: string }>(
        `select id, contact_email from delegations order by id`,
      );
      const oldRegistrations = await registrationsWithout(database, PERSONAL);
      const distinctEmails = new Set(oldPeople.rows.map((r) => r.email));
      // The demo registers each email once, so each person must equal its one registration.
      expect(before.registrations).toBe(385);
      expect(distinctEmails.size).toBe(before.registrations);
      expect(before.persons).toBeUndefined();

      await migrateTo(database, migrationsFolder());

      const after = await counts(database);
      const newContacts = oldDelegations.rows.filter((d) => !distinctEmails.has(d.contact_email)).length;
      // Every table of the release keeps its rows; of the new ones only people and organisations
      // fill, and the capacity counters, which count the registrations.
      expect(Object.fromEntries(Object.keys(before).map((t) => [t, after[t]]))).toEqual(before);
      expect(after.persons).toBe(distinctEmails.size + newContacts);
      const filledNew = Object.keys(after).filter((t) => !(t in before) && after[t]! > 0);
      expect(filledNew.sort()).toEqual(['capacity_counters', 'organisation_names', 'organisations', 'persons']);
      const unmatched = await database.query<{ n: number }>(
        `select count(*)::int as n from registrations where organisation_id is null`,
      );
      expect(unmatched.rows[0]?.n).toBe(0);
      expect(await registrationsWithout(database, [])).toEqual(oldRegistrations);

      const joined = await database.query<Record<string, string | null>>(
        `select r.id, ${PERSONAL.map((c) => `p.${c}`).join(', ')}, p.email_verified_at::text as verified
         from registrations r join persons p on p.id = r.person_id order by r.id`,
      );
      expect(joined.rows).toEqual(oldPeople.rows);
      const contacts = await database.query<{ id: string; contact_email: string }>(
        `select d.id, p.email as contact_email from delegations d join persons p on p.id = d.contact_person_id order by d.id`,
      );
      expect(contacts.rows).toEqual(oldDelegations.rows);
    },
  );

  it(
    'moves delegation contacts onto persons before their columns go (0009-0010), naming a contact a sign-in made nameless',
    { timeout: 120_000 },
    async () => {
      const database = await open(engine);
      cleanups.push(() => database.close());
      await migrateTo(database, releaseFolder());
      await database.exec(fixture);
      await migrateTo(database, releaseFolder(9));
      // A person a portal sign-in made (no name yet) is the contact of an unlinked delegation,
      // and a second delegation names an address nobody has.
      await database.exec(`
        insert into persons (email, given_name, family_name) values ('signed.in@example.org', '', '');
        update delegations set contact_person_id = null, contact_name = ' Signed In ', contact_email = 'Signed.In@example.org';
        insert into delegations (event_id, name, contact_name, contact_email, manage_token_hash)
          select event_id, 'Second', 'Fresh Contact', ' Fresh@Example.org', 'second-token' from delegations;
      `);
      await migrateTo(database, migrationsFolder());
      const contacts = await database.query<{ name: string; email: string; given: string; family: string }>(
        `select d.name, p.email, p.given_name as given, p.family_name as family
           from delegations d join persons p on p.id = d.contact_person_id order by d.name`,
      );
      expect(contacts.rows).toEqual([
        { name: contacts.rows[0]!.name, email: 'signed.in@example.org', given: 'Signed In', family: '' },
        { name: 'Second', email: 'fresh@example.org', given: 'Fresh Contact', family: '' },
      ]);
      const columns = await database.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_name = 'delegations' and column_name like 'contact%' order by 1`,
      );
      expect(columns.rows.map((c) => c.column_name)).toEqual(['contact_person_id']);
    },
  );
});
