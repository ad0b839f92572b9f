import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from '../env';
import { EnvError } from '../env';
import { resolveDataDir } from './paths';

const KEY_FILE = 'secret.key';

/**
 * The server key that encrypts secrets kept in the database (TOTP secrets): 32
 * bytes from PLENARY_SECRET_KEY, or, when that is unset, from secret.key in the
 * data directory, made on the first start (readable by the owner only). Servers
 * that share a PostgreSQL database in production must be given the same key, so
 * there the variable is required. Losing the key turns off every second factor
 * (the secrets cannot be read back): back it up with the database, not beside it.
 */
export function loadSecretKey(env: Env): Buffer {
  if (env.PLENARY_SECRET_KEY) return env.PLENARY_SECRET_KEY;
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new EnvError(
      'Plenary cannot start: set PLENARY_SECRET_KEY (32 random bytes in base64, e.g. `openssl rand -base64 32`) when the database is PostgreSQL in production; every server needs the same key.',
    );
  }
  const dir = resolveDataDir(env.PLENARY_DATA_DIR, env.INIT_CWD);
  const file = join(dir, KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new EnvError(`Plenary cannot start: ${file} does not hold a 32-byte key in base64.`);
    return key;
  }
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32);
  // 'wx': two processes starting at once must not each write a different key.
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') return loadSecretKey(env);
    throw err;
  }
  chmodSync(file, 0o600);
  return key;
}
