import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { testPostgresUrl } from './engine.ts';

const globalSetup = fileURLToPath(new URL('./global-setup.ts', import.meta.url));

/** True when a PostgreSQL server answers at the test URL (checked once, synchronously, at config time). */
function postgresReachable(): boolean {
  if (process.env.PLENARY_TEST_POSTGRES === '0') return false;
  const script = `const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:2000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))`;
  try {
    execFileSync(process.execPath, ['-e', script, testPostgresUrl()], {
      stdio: 'ignore',
      timeout: 5000,
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    });
    return true;
  } catch {
    if (process.env.PLENARY_TEST_POSTGRES === '1') {
      throw new Error(`PLENARY_TEST_POSTGRES=1 but no PostgreSQL answers at ${testPostgresUrl()}`);
    }
    return false;
  }
}

let cached: boolean | undefined;

/**
 * The vitest projects of a package whose tests touch the database: every test file
 * runs on PGlite and, when a server is reachable, again on PostgreSQL.
 */
export function databaseProjects(
  base: { include?: string[]; exclude?: string[]; testTimeout?: number } = {},
): TestProjectInlineConfiguration[] {
  cached ??= postgresReachable();
  const engines = cached ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
  if (!cached) console.warn('[plenary] PostgreSQL not reachable: database tests run on PGlite only');
  return engines.map((engine) => ({
    extends: true,
    test: {
      name: engine,
      include: base.include ?? ['src/**/*.test.ts'],
      exclude: base.exclude ?? [],
      env: { PLENARY_TEST_DB: engine },
      globalSetup: [globalSetup],
      testTimeout: base.testTimeout ?? 30_000,
      hookTimeout: 60_000,
    },
  }));
}
