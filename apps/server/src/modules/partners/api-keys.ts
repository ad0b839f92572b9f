import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../identity/crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random base62 text; bytes >= 248 are skipped so every character is equally likely. */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/**
 * plk_<prefix>_<secret>: the prefix (10 base62 characters, ~59 bits) finds the row
 * and is safe to show; the secret (43 base62 characters, ~256 bits) is never
 * stored. Base62 keeps the key one "word" that a double-click selects whole.
 */
const KEY_PATTERN = /^(plk_[A-Za-z0-9]{10})_[A-Za-z0-9]{43}$/;

export interface NewApiKey {
  key: string;
  prefix: string;
  secretHash: string;
}

export function generateApiKey(): NewApiKey {
  const prefix = `plk_${randomBase62(10)}`;
  const key = `${prefix}_${randomBase62(43)}`;
  return { key, prefix, secretHash: sha256(key) };
}

/** The prefix of a well-formed key, or null: a malformed key never reaches the database. */
export function prefixOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Compares the key's hash with the stored one in constant time. */
export function keyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
