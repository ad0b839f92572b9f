import type { Engine } from '../client';

/** Which engine this vitest project tests: set per project in the vitest config. */
export function testEngine(): Engine {
  const e = process.env.PLENARY_TEST_DB ?? 'pglite';
  if (e !== 'pglite' && e !== 'postgres') throw new Error(`PLENARY_TEST_DB must be pglite or postgres, not ${e}`);
  return e;
}

export function testPostgresUrl(): string {
  return process.env.PLENARY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}
