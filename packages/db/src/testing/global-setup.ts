import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../client';
import { testPostgresUrl } from './engine';

/**
 * Runs once per vitest project: migrates one template database, which each test
 * file then copies (PGlite: a dumped data dir; PostgreSQL: CREATE DATABASE ...
 * TEMPLATE). Test files run in parallel, each on its own database.
 */
export default async function setup(project: TestProject) {
  // globalSetup runs in vitest's main process, where the project's env is not
  // applied: the project's name says which engine it tests.
  const engine = project.name === 'postgres' ? 'postgres' : 'pglite';
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-tpl-'));
    const client = await PGlite.create();
    const database = await openDatabase({ engine: 'pglite', dataDir: null, pglite: client });
    await migrateDatabase(database);
    const dump = await client.dumpDataDir('none');
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await client.close();
    project.provide('plenaryTemplate', file);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  const url = testPostgresUrl();
  const name = `plenary_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const database = await openDatabase({ engine: 'postgres', url: withDatabase(url, name), poolSize: 2 });
  await migrateDatabase(database);
  await database.close();
  await admin.end();
  project.provide('plenaryTemplate', name);
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    // Test databases of this run were made from the template; drop them all.
    const { rows } = await c.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [name, `${name.replace('plenary_tpl_', 'plenary_t_')}%`],
    );
    for (const r of rows) await c.query(`drop database if exists ${r.datname} with (force)`);
    await c.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    plenaryTemplate: string;
  }
}
