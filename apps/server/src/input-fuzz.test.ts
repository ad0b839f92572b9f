import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { appRouter, type Actor } from '@plenary/contracts';
import { createHarness, tciEvent, type TestHarness } from './testing/harness';

/**
 * Bad input never produces a 500: generated input, from plausible to absurd, is
 * thrown at every procedure as a platform admin (who passes every access rule).
 */
let h: TestHarness;
let admin: Actor;
let eventId: string;
const paths = Object.keys(appRouter._def.procedures);

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('fuzz@plenary.test', { platformAdmin: true });
  eventId = (await h.caller(admin).events.create(tciEvent)).id;
});
afterAll(() => h.close());

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('', ' ', '세계 클러스터', 'ümlaut', 'مؤتمر', '\u0000', "'; drop table events; --"));
const value = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
const input = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom('eventId', 'slug', 'title', 'email', 'password', 'code', 'token', 'role', 'userId', 'to', 'startsAt', 'endsAt', 'timeZone', 'limit', 'cursor', 'id', 'description'),
    fc.oneof(value, fc.dictionary(fc.constantFrom('ko', 'en'), value)),
  ).map((o) => ('eventId' in o && typeof o.eventId !== 'string' ? o : { ...o, eventId })),
);

async function call(path: string, arg: unknown): Promise<string | null> {
  let target: unknown = h.caller(admin, { ip: '198.51.100.1' });
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  try {
    await (target as (i: unknown) => Promise<unknown>)(arg);
    return null;
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

describe('generated input', () => {
  for (const path of paths) {
    it(`${path} answers bad input with a 4xx, never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(input, async (arg) => {
          const code = await call(path, arg);
          expect(code).not.toBe('INTERNAL_SERVER_ERROR');
        }),
        { numRuns: 25 },
      );
    });
  }
});
