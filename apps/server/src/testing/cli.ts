import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '@plenary/db';
import { createTestDatabase, testEngine, type TestDatabase } from '@plenary/db/testing';
import { startJobQueue } from '../core/jobs';
import type { Runtime } from '../core/runtime';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliTarget {
  /** Runs `plenary <args>` in a child process against this file's database. */
  cli(args: string[], extraEnv?: Record<string, string>, stdin?: string): Promise<CliRun>;
  /** Opens what the CLI wrote (PGlite: after the CLI has exited and let go of the data dir). */
  withDatabase<T>(fn: (runtime: Runtime) => Promise<T>): Promise<T>;
  /** The embedded data dir ('' on PostgreSQL). */
  dataDir(): string;
  /** The test database's URL on PostgreSQL (undefined on PGlite). */
  postgresUrl(): string | undefined;
}

/**
 * The real CLI in a child process, as an operator runs it: on PGlite against a
 * data dir of its own, on PostgreSQL against this test file's database. Call at
 * the top of a test file; it sets the target up and removes it.
 */
export function useCliTarget(name: string): CliTarget {
  let dataDir = '';
  let pgDatabase: TestDatabase | undefined;

  beforeAll(async () => {
    if (testEngine() === 'postgres') pgDatabase = await createTestDatabase({ poolSize: 2 });
    else dataDir = join(mkdtempSync(join(tmpdir(), `plenary-${name}-`)), 'data');
  });
  afterAll(async () => {
    await pgDatabase?.close();
    if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  return {
    dataDir: () => dataDir,
    postgresUrl: () => pgDatabase?.url,
    cli(args, extraEnv = {}, stdin = '') {
      const target: Record<string, string> = pgDatabase?.url
        ? { DATABASE_URL: pgDatabase.url }
        : { PLENARY_DATA_DIR: dataDir };
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'warn',
        ...target,
        ...extraEnv,
      };
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
          cwd: serverDir,
          env,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.stdin.end(stdin);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    },
    async withDatabase(fn) {
      const database: Database = pgDatabase ?? (await openDatabase({ engine: 'pglite', dataDir }));
      const logger = pino({ level: 'silent' });
      const jobs = await startJobQueue(database, logger, { work: false });
      const runtime: Runtime = {
        database,
        db: database.db,
        jobs,
        logger,
        now: () => new Date(),
        config: {
          publicUrl: 'http://plenary.test',
          mailFrom: 'Plenary <no-reply@plenary.test>',
          smtpUrl: undefined,
          sessionHours: 12,
          secretKey: randomBytes(32),
        },
      };
      try {
        return await fn(runtime);
      } finally {
        await jobs.stop();
        if (!pgDatabase) await database.close();
      }
    },
  };
}
