import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { and, eq, isNotNull, schema, sql } from '@plenary/db';
import type { Runtime } from '../../core/runtime';

/**
 * Secrets the server must read back (TOTP secrets) are kept encrypted with the
 * server key (core/secret-key.ts): AES-256-GCM, a random 12-byte nonce each time,
 * the owning row's id as associated data so a value copied onto another row does
 * not open. Stored as `v1:<nonce>:<tag>:<ciphertext>`, base64url.
 */
const VERSION = 'v1';

export function sealSecret(key: Buffer, plain: string, ownerId: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(ownerId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [nonce, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join(':');
}

export function openSecret(key: Buffer, sealed: string, ownerId: string): string {
  const [version, nonce, tag, body] = sealed.split(':');
  if (version !== VERSION || !nonce || !tag || body === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(ownerId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

const { users } = schema;

/**
 * Encrypts the TOTP secrets stored in clear before secrets were sealed; run at
 * every start, it finds none after the first. Returns how many it sealed.
 */
export async function encryptPlainTotpSecrets(runtime: Runtime): Promise<number> {
  const plain = await runtime.db
    .select({ id: users.id, totpSecret: users.totpSecret })
    .from(users)
    .where(and(isNotNull(users.totpSecret), sql`${users.totpSecret} not like ${`${VERSION}:%`}`));
  for (const row of plain) {
    if (!row.totpSecret) continue;
    await runtime.db
      .update(users)
      .set({ totpSecret: sealSecret(runtime.config.secretKey, row.totpSecret, row.id) })
      // Only if still the clear value: a concurrent start may have sealed it already.
      .where(and(eq(users.id, row.id), eq(users.totpSecret, row.totpSecret)));
  }
  return plain.length;
}
