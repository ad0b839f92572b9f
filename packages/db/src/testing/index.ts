import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../client';
import { testEngine, testPostgresUrl } from './engine';
import { withDatabase } from './global-setup';

export { testEngine, testPostgresUrl } from './engine';
export { withDatabase };

export interface TestDatabase extends Database {
  /** The connection string of this test's PostgreSQL database (undefined on PGlite). */
  readonly url?: string;
}

/**
 * A fresh, migrated database of its own for one test file, on the engine of the
 * current vitest project. Close it in afterAll.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const template = inject('plenaryTemplate');
  if (testEngine() === 'pglite') {
    const blob = new Blob([readFileSync(template)]);
    const client = await PGlite.create({ loadDataDir: blob });
    return openDatabase({ engine: 'pglite', dataDir: null, pglite: client });
  }
  const base = testPostgresUrl();
  const name = `${template.replace('plenary_tpl_', 'plenary_t_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(base, name);
  const database = await openDatabase({ engine: 'postgres', url, poolSize: options.poolSize ?? 10 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await c.end();
    },
  };
}
