import { pino, type Logger } from 'pino';
import { migrateDatabase, openDatabase, type Database } from '@plenary/db';
import type { Env } from '../env';
import { startJobQueue } from './jobs';
import { resolveDataDir } from './paths';
import { loadSecretKey } from './secret-key';
import { encryptPlainTotpSecrets } from '../modules/identity/secret-box';
import type { Runtime } from './runtime';

export function createLogger(env: Pick<Env, 'LOG_LEVEL'>): Logger {
  return pino({ level: env.LOG_LEVEL, base: { service: 'plenary' } });
}

/** Where the data lives, in words for logs and the CLI. */
export function describeDatabase(env: Env): string {
  return env.DATABASE_URL ? `PostgreSQL at ${new URL(env.DATABASE_URL).host}` : `embedded PostgreSQL (PGlite) in ${resolveDataDir(env.PLENARY_DATA_DIR, env.INIT_CWD)}`;
}

export async function openConfiguredDatabase(env: Env): Promise<Database> {
  return env.DATABASE_URL
    ? openDatabase({ engine: 'postgres', url: env.DATABASE_URL })
    : openDatabase({ engine: 'pglite', dataDir: resolveDataDir(env.PLENARY_DATA_DIR, env.INIT_CWD) });
}

/**
 * Opens the database, applies pending migrations and starts the job queue: what
 * the server and every CLI command share. `work` decides whether this process
 * also runs queued jobs (the server does; CLI commands only enqueue).
 */
export async function openRuntime(env: Env, options: { work: boolean; logger?: Logger }): Promise<Runtime> {
  const logger = options.logger ?? createLogger(env);
  // Before the database: a missing key stops the start without touching anything.
  const secretKey = loadSecretKey(env);
  const database = await openConfiguredDatabase(env);
  try {
    await migrateDatabase(database);
    const jobs = await startJobQueue(database, logger, { work: options.work });
    const runtime: Runtime = {
      database,
      db: database.db,
      jobs,
      logger,
      now: () => new Date(),
      config: {
        publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
        mailFrom: env.MAIL_FROM,
        smtpUrl: env.SMTP_URL,
        sessionHours: env.SESSION_HOURS,
        apiRequestsPerMinute: env.PLENARY_API_REQUESTS_PER_MINUTE,
        unverifiedHoldMinutes: env.PLENARY_UNVERIFIED_HOLD_MINUTES,
        uploadMaxBytes: env.PLENARY_UPLOAD_MAX_MB * 1024 * 1024,
        orphanFileHours: env.PLENARY_ORPHAN_FILE_HOURS,
        rateLimitScale: env.PLENARY_RATE_LIMIT_SCALE,
        altchaMaxNumber: env.PLENARY_ALTCHA_MAX_NUMBER,
        altchaRequired: true,
        secretKey,
      },
    };
    // TOTP secrets stored in clear by an earlier version are sealed once (none after that).
    const sealed = await encryptPlainTotpSecrets(runtime);
    if (sealed > 0) logger.info({ sealed }, 'encrypted TOTP secrets stored in clear');
    return runtime;
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

export async function closeRuntime(runtime: Runtime): Promise<void> {
  await runtime.jobs.stop().catch((err: unknown) => runtime.logger.error({ err }, 'job queue stop failed'));
  await runtime.database.close();
}
