import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import type { Actor, DomainError } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { solveAltcha } from '../../testing/altcha';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

/** The public registration form takes a solved, unspent proof of work (issue 8, bots). */

let h: TestHarness;
let admin: Actor;
let e: Awaited<ReturnType<typeof registrationEvent>>;

beforeAll(async () => {
  h = await createHarness({ config: { altchaRequired: true, altchaMaxNumber: 500 } });
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  e = await registrationEvent(h, admin, { slug: 'altcha', categories: [{ code: 'SME' }] });
});
afterAll(() => h.close());

const register = (altcha: string | undefined, email?: string) =>
  h.caller(null).portalRegistration.register({
    eventId: e.eventId,
    categoryId: e.categories.SME!,
    participant: participant(email ? { email } : {}),
    ...(altcha === undefined ? {} : { altcha }),
  });

const fieldErrorsOf = async (p: Promise<unknown>) => {
  const err = await errorOf(p);
  return { code: err.code, fields: (err.cause as DomainError).fieldErrors };
};

const countRegistrations = async () =>
  (await h.runtime.db.select().from(schema.registrations).where(eq(schema.registrations.eventId, e.eventId)))
    .length;

describe('the proof of work on the public registration form', () => {
  it('issues a signed SHA-256 challenge that expires in 30 minutes', async () => {
    const c = await h.caller(null).portalRegistration.altchaChallenge();
    expect(c.parameters.algorithm).toBe('SHA-256');
    expect(c.parameters.cost).toBe(1);
    expect(c.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(c.parameters.expiresAt! * 1000 - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(c.parameters.expiresAt! * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('refuses a register without a solution, naming the field, and places nobody', async () => {
    const before = await countRegistrations();
    expect(await fieldErrorsOf(register(undefined))).toEqual({
      code: 'BAD_REQUEST',
      fields: { altcha: ['Complete the check that you are not a robot, then send the form again'] },
    });
    expect(await countRegistrations()).toBe(before);
  });

  it('takes a challenge solved for real, once: the same solution again is refused', async () => {
    const payload = await solveAltcha(await h.caller(null).portalRegistration.altchaChallenge());
    const first = await register(payload, 'first@example.org');
    expect(first.status).toBe('confirmed');
    expect(await fieldErrorsOf(register(payload, 'second@example.org'))).toEqual({
      code: 'BAD_REQUEST',
      fields: {
        altcha: ['The check that you are not a robot has expired or was already used: complete it again'],
      },
    });
  });

  it('refuses a wrong key, a forged challenge and garbage', async () => {
    const challenge = await h.caller(null).portalRegistration.altchaChallenge();
    const good = JSON.parse(Buffer.from(await solveAltcha(challenge), 'base64').toString()) as {
      challenge: typeof challenge;
      solution: { counter: number; derivedKey: string };
    };
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
    const wrongKey = b64({ ...good, solution: { ...good.solution, derivedKey: '00'.repeat(32) } });
    const forged = b64({
      ...good,
      challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, cost: 2 } },
    });
    for (const payload of [wrongKey, forged, 'not base64 json', b64({ challenge: null })])
      expect((await fieldErrorsOf(register(payload))).fields).toHaveProperty('altcha');
  });

  it('refuses a challenge that has expired', async () => {
    const payload = await solveAltcha(await h.caller(null).portalRegistration.altchaChallenge());
    h.advanceClock(31 * 60_000);
    try {
      expect((await fieldErrorsOf(register(payload, 'late@example.org'))).fields).toHaveProperty('altcha');
    } finally {
      h.advanceClock(-31 * 60_000);
    }
  });
});
