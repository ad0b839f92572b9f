import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, objectRulesOf, type Access, type Meta } from '@plenary/contracts';
import { createHarness, type TestHarness } from './testing/harness';
import {
  callerNames,
  callPath,
  createCallerUniverse,
  type CallerName,
  type CallerUniverse,
} from './testing/callers';
import type { Expected } from './authorization/expected';
import { foundationAccess } from './authorization/foundation';
import { registrationAccess } from './authorization/registration';
import { partnerAccess } from './authorization/partners';
import { webhookAccess } from './authorization/webhooks';
import { deskAccess } from './authorization/desk';
import { exportAccess } from './authorization/exports';
import { accountAccess } from './authorization/accounts';
import { objectCases } from './authorization/objects';
// B2B export fair (issue 14).
import { b2bAccess } from './authorization/b2b';
import { b2bScheduleAccess } from './authorization/b2b-schedule';
import { myB2bAccess } from './authorization/my-b2b';
// papers (issue 11)
import { paperAccess } from './authorization/papers';
// review (issue 11 §3)
import { reviewAccess } from './authorization/review';
// agreements (issue 13)
import { agreementAccess } from './authorization/agreements';

/**
 * The permission matrix, written out by hand (apps/server/src/authorization/*.ts,
 * role by role in literal strings): changing who may call a procedure, or adding
 * one, means changing that table in the same commit, where a reviewer sees it.
 * Then every procedure is called by EVERY kind of caller, each holding real
 * credentials: each allowed caller must get past the access check without a
 * 5xx, each refused caller must get exactly the refusal the rule implies.
 */
const expectedAccess: Record<string, Expected> = {
  ...foundationAccess,
  ...registrationAccess,
  ...partnerAccess,
  ...webhookAccess,
  ...deskAccess,
  ...exportAccess,
  ...accountAccess,
  // B2B export fair (issue 14).
  ...b2bAccess,
  ...b2bScheduleAccess,
  ...myB2bAccess,
  // papers (issue 11)
  ...paperAccess,
  // review (issue 11 §3)
  ...reviewAccess,
  // agreements (issue 13)
  ...agreementAccess,
};

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>,
).map(([path, proc]) => ({ path, access: proc._def.meta?.access, object: proc._def.meta?.object }));

/** A procedure's object rules in the cases' spelling: kind:field, joined by ', '. */
const objectRules = Object.fromEntries(
  procedures
    .map(
      (p) =>
        [
          p.path,
          objectRulesOf(p.object)
            .map((r) => `${r.kind}:${r.from}`)
            .join(', '),
        ] as const,
    )
    .filter(([, rule]) => rule !== ''),
);

/** The router's rule in the matrix's spelling, to compare the two tables. */
function spell(a: Access | undefined): Expected | 'none' {
  if (!a) return 'none';
  if (a.kind === 'event') return [...a.roles];
  if (a.kind === 'partner') return `partner:${a.scope}`;
  return a.kind;
}

type Verdict = 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN';
const holdsNoSession = (who: CallerName) =>
  who === 'anonymous' ||
  who === 'participant' ||
  who === 'delegationContact' ||
  who === 'person' ||
  who.startsWith('partner:');

/** What the matrix says should happen to this caller: derived from the hand-written rule only. */
function verdict(rule: Expected, who: CallerName): Verdict {
  if (rule === 'public') return 'allowed';
  if (rule === 'participant' || rule === 'delegationContact' || rule === 'person')
    return who === rule ? 'allowed' : 'UNAUTHORIZED';
  if (typeof rule === 'string' && rule.startsWith('partner:')) {
    if (who === rule) return 'allowed';
    return who.startsWith('partner:') ? 'FORBIDDEN' : 'UNAUTHORIZED';
  }
  if (holdsNoSession(who)) return 'UNAUTHORIZED';
  if (rule === 'pendingSecondFactor') return 'allowed';
  if (who === 'pendingSecondFactor') return 'UNAUTHORIZED';
  if (rule === 'signedIn') return 'allowed';
  if (who === 'platformAdmin') return 'allowed';
  if (rule === 'platformAdmin') return 'FORBIDDEN';
  if (typeof rule !== 'string' && who.startsWith('role:')) {
    return rule.some((role) => `role:${role}` === who) ? 'allowed' : 'FORBIDDEN';
  }
  return 'FORBIDDEN';
}

let h: TestHarness;
let u: CallerUniverse;

beforeAll(async () => {
  h = await createHarness();
  u = await createCallerUniverse(h);
}, 120_000);
afterAll(() => h.close());

describe('authorization of every procedure', () => {
  it('finds the procedures, each with an access rule', () => {
    expect(procedures.length).toBeGreaterThan(100);
    expect(procedures.filter((p) => !p.access).map((p) => p.path)).toEqual([]);
  });

  it('matches the hand-written permission matrix exactly (a procedure missing from it fails here)', () => {
    const actual = Object.fromEntries(procedures.map((p) => [p.path, spell(p.access)]));
    expect(actual).toEqual(expectedAccess);
  });

  it('the verdicts cover every caller: each rule allows someone and refuses someone', () => {
    for (const [path, rule] of Object.entries(expectedAccess)) {
      const verdicts = new Set(callerNames.map((who) => verdict(rule, who)));
      expect(verdicts.has('allowed'), path).toBe(true);
      if (rule !== 'public') expect(verdicts.size, path).toBeGreaterThan(1);
    }
  });

  for (const { path } of procedures) {
    it(`${path}: every caller gets what the matrix says, and never a 5xx`, async () => {
      const rule = expectedAccess[path];
      if (rule === undefined) throw new Error(`${path} is missing from the hand-written matrix`);
      const wrong: string[] = [];
      for (const who of callerNames) {
        const want = verdict(rule, who);
        const got = await callPath(u.caller(who), path, { eventId: u.eventId });
        const refusedAs = got.status === 401 || got.status === 403 ? got.code : null;
        if (got.status >= 500) wrong.push(`${who}: ${got.status} ${got.code} ${got.message}`);
        else if (want === 'allowed' && refusedAs)
          wrong.push(`${who}: refused (${refusedAs}: ${got.message}), expected allowed`);
        else if (want !== 'allowed' && refusedAs !== want)
          wrong.push(`${who}: ${got.status} ${got.code} (${got.message}), expected ${want}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe("object rules: an object that is not the caller's is refused as missing", () => {
  it('lists every object rule with a hand-written case (a rule without a case fails here)', () => {
    const written = Object.fromEntries(Object.entries(objectCases).map(([path, c]) => [path, c.rule]));
    expect(objectRules).toEqual(written);
  });

  for (const [path, c] of Object.entries(objectCases)) {
    it(`${path}: ${c.caller} naming another's object gets 404`, async () => {
      // The caller passes the access rule: the refusal is the object's, not the role's.
      expect(verdict(expectedAccess[path]!, c.caller), path).toBe('allowed');
      const got = await callPath(u.caller(c.caller), path, c.input(u));
      expect({ status: got.status, code: got.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });
  }
});
