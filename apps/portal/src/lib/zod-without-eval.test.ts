import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseWithoutEval } from './zod-without-eval';

/** Loads the contracts' schemas afresh and parses with one; says whether zod tried `new Function`. */
async function parseProbesEval(): Promise<boolean> {
  vi.resetModules();
  const real = globalThis.Function;
  const calls: unknown[][] = [];
  globalThis.Function = new Proxy(real, {
    apply: (target, self, args: unknown[]): unknown => {
      calls.push(args);
      return Reflect.apply(target, self, args) as unknown;
    },
    construct: (target, args: unknown[]): object => {
      calls.push(args);
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    const { loginInput } = await import('@plenary/contracts/schemas');
    expect(loginInput.safeParse({ email: 'chair@example.org', password: 'x' }).success).toBe(true);
  } finally {
    globalThis.Function = real;
  }
  return calls.length > 0;
}

describe('parseWithoutEval', () => {
  afterEach(() => {
    globalThis.__zod_globalConfig = undefined;
  });

  it('keeps zod from trying new Function, which the CSP refuses (the control shows it otherwise does)', async () => {
    globalThis.__zod_globalConfig = undefined;
    expect(await parseProbesEval()).toBe(true);

    globalThis.__zod_globalConfig = undefined;
    parseWithoutEval();
    expect(await parseProbesEval()).toBe(false);
  });
});
