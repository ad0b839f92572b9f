import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appRouter, type Access, type Meta } from '@plenary/contracts';
import { createHarness, type TestHarness } from './testing/harness';
import { callPath, createCallerUniverse, type CallerName, type CallerUniverse } from './testing/callers';

/**
 * Bad input never produces a 500: generated input, from plausible to absurd, is
 * thrown at every procedure as a caller its access rule lets in (a platform
 * admin passes only the staff rules: participants' links, delegation links,
 * a signed-in participant's session, partner keys and the second-factor step each need their own credential, or
 * the call is refused before its input is ever parsed and cannot fail here).
 */
let h: TestHarness;
let u: CallerUniverse;
let eventId: string;
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>,
).map(([path, proc]) => ({ path, access: proc._def.meta?.access }));

/** A caller the rule lets through (the authorization test proves each of these is allowed). */
function allowedCaller(access: Access | undefined): CallerName {
  if (!access || access.kind === 'public') return 'anonymous';
  if (access.kind === 'participant' || access.kind === 'delegationContact' || access.kind === 'person')
    return access.kind;
  if (access.kind === 'pendingSecondFactor') return 'pendingSecondFactor';
  if (access.kind === 'partner') return `partner:${access.scope}`;
  return 'platformAdmin';
}

beforeAll(async () => {
  h = await createHarness();
  u = await createCallerUniverse(h);
  eventId = u.eventId;
}, 120_000);
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

describe('generated input', () => {
  for (const { path, access } of procedures) {
    const who = allowedCaller(access);
    it(`${path} answers bad input (as ${who}) with a 4xx, never a 500`, async () => {
      let passedAccess = 0;
      await fc.assert(
        fc.asyncProperty(input, async (arg) => {
          const got = await callPath(u.caller(who), path, arg);
          expect(got.status, `${got.code}: ${got.message}`).toBeLessThan(500);
          if (got.status !== 401 && got.status !== 403) passedAccess += 1;
        }),
        { numRuns: 25 },
      );
      // The point of the file: most generated inputs reach the procedure's own
      // parsing (a few are refused for naming no event or another one).
      expect(passedAccess, 'calls that got past the access rule').toBeGreaterThan(12);
    });
  }
});
