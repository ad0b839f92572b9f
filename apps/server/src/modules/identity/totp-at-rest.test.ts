import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import { parseEnv } from '../../env';
import { loadSecretKey } from '../../core/secret-key';
import { createHarness, TEST_PASSWORD, type TestHarness } from '../../testing/harness';
import { encryptPlainTotpSecrets } from './secret-box';
import { totpCodeFor } from './totp';

// Issue 10, finding 13: a copy of the database (a backup, a dump) must not carry
// every staff member's second factor in clear.
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function storedSecret(email: string): Promise<string | null> {
  const [row] = await h.runtime.db
    .select({ totpSecret: schema.users.totpSecret })
    .from(schema.users)
    .where(eq(schema.users.email, email));
  return row?.totpSecret ?? null;
}

describe('TOTP secrets at rest', () => {
  it('are stored encrypted with the server key, and codes from the secret shown still work', async () => {
    const actor = await h.signUp('totp@kicox.example');
    const { secret } = await h.caller(actor).auth.startTotpEnrolment();
    const stored = await storedSecret('totp@kicox.example');
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    await h.caller(actor).auth.confirmTotpEnrolment({ code: totpCodeFor(secret, h.runtime.now()) });
    h.advanceClock(31_000);
    const again = await h.signIn('totp@kicox.example', TEST_PASSWORD);
    expect(again.secondFactorRequired).toBe(true);
    await h.caller(again.actor).auth.verifySecondFactor({ code: totpCodeFor(secret, h.runtime.now()) });
  });

  it('encrypts secrets stored in clear before this change, once, and they keep working', async () => {
    const actor = await h.signUp('legacy@kicox.example');
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await h.runtime.db
      .update(schema.users)
      .set({ totpSecret: secret, totpEnabledAt: new Date() })
      .where(eq(schema.users.id, actor.userId));
    expect(await encryptPlainTotpSecrets(h.runtime)).toBeGreaterThanOrEqual(1);
    expect(await encryptPlainTotpSecrets(h.runtime)).toBe(0);
    expect(await storedSecret('legacy@kicox.example')).toMatch(/^v1:/);
    h.advanceClock(31_000);
    const session = await h.signIn('legacy@kicox.example', TEST_PASSWORD);
    await h.caller(session.actor).auth.verifySecondFactor({ code: totpCodeFor(secret, h.runtime.now()) });
  });
});

describe('the server key', () => {
  it('comes from PLENARY_SECRET_KEY, or is made on first start and kept in the data dir', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plenary-key-'));
    try {
      const made = loadSecretKey(parseEnv({ PLENARY_DATA_DIR: dir }));
      expect(made.length).toBe(32);
      expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
      expect(loadSecretKey(parseEnv({ PLENARY_DATA_DIR: dir })).equals(made)).toBe(true);
      expect(readFileSync(join(dir, 'secret.key'), 'utf8').trim()).toBe(made.toString('base64'));
      const given = Buffer.alloc(32, 7);
      expect(loadSecretKey(parseEnv({ PLENARY_SECRET_KEY: given.toString('base64') })).equals(given)).toBe(true);
      expect(() => parseEnv({ PLENARY_SECRET_KEY: 'short' })).toThrow(/PLENARY_SECRET_KEY/);
      // A PostgreSQL deployment in production is shared by servers: they must be given one key.
      expect(() =>
        loadSecretKey(parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/plenary', PLENARY_DATA_DIR: dir })),
      ).toThrow(/PLENARY_SECRET_KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
