import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import * as schema from './schema/index';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
/** The drizzle database, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services pass it to repos. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either a database or a transaction: what a repo function runs on. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly engine: Engine;
  /** Runs raw SQL with $1-style parameters on the same connection(s) as db. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters; returns the last statement's rows. */
  exec(text: string): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { engine: 'postgres'; url: string; poolSize?: number; applicationName?: string }
  | { engine: 'pglite'; dataDir: string | null; pglite?: PGlite };

/** The migrations folder: beside the source in the workspace, beside the bundle in a build. */
export function migrationsFolder(): string {
  for (const rel of ['../drizzle', './drizzle', '../../packages/db/drizzle']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${path}/meta/_journal.json`)) return path;
  }
  throw new Error('Plenary migrations folder not found (expected packages/db/drizzle)');
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'plenary',
    });
    // An idle client losing its server (restart, failover) must not crash the process.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      async query<T>(text: string, params?: unknown[]) {
        const result = await pool.query(text, params);
        return { rows: result.rows as T[] };
      },
      async exec(text: string) {
        const result = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
        const last = Array.isArray(result) ? result.at(-1) : result;
        return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
      },
      close: () => pool.end(),
    };
  }
  let lock: DataDirLock | null = null;
  if (options.dataDir && !options.pglite) lock = acquireDataDirLock(options.dataDir);
  try {
    const client = options.pglite ?? (await PGlite.create(options.dataDir ?? undefined));
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      async query<T>(text: string, params?: unknown[]) {
        const result = await client.query<T>(text, params);
        return { rows: result.rows };
      },
      async exec(text: string) {
        const results = await client.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) };
      },
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

// Any constant works; it only has to be the same in every Plenary process.
const MIGRATION_LOCK_KEY = 774_2015;

/** Applies committed migrations (forward only). Safe when several processes start at once. */
export async function migrateDatabase(database: Database): Promise<void> {
  const folder = migrationsFolder();
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: folder });
    return;
  }
  // Serialise concurrent starts of several servers against one PostgreSQL: a
  // session-level lock held on one pool client while the migrator uses others.
  const lockClient = await (database.db as unknown as { $client: pg.Pool }).$client.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(database.db as never, { migrationsFolder: folder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
}

export interface MigrationStatus {
  expected: number;
  applied: number;
  pending: number;
}

/** How many committed migrations the database has applied (for /readyz and the CLI). */
export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const expected = readMigrationFiles({ migrationsFolder: migrationsFolder() }).length;
  const exists = await database.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  let applied = 0;
  if (exists.rows[0]?.present) {
    const res = await database.query<{ n: number | string }>(`select count(*)::int as n from drizzle.__drizzle_migrations`);
    applied = Number(res.rows[0]?.n ?? 0);
  }
  return { expected, applied, pending: Math.max(0, expected - applied) };
}
