import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../../testing/harness';
import { participant, registrationEvent } from '../../../testing/registration-fixtures';
import { allScopes, partnerWithKey } from '../../partners/partners.fixtures';

/**
 * "Places left" is one function (issue 8, item 8): the portal form, the partner
 * API and the setup screens show what placement decides, in an event whose
 * event-wide limit binds and where an invitation code holds places back.
 */
let h: TestHarness;
let admin: Actor;
let e: Awaited<ReturnType<typeof registrationEvent>>;
let key: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
  // 10 places in the event; GOV and SME have 6 each (12 > 10: the event limit binds).
  e = await registrationEvent(h, admin, {
    eventCapacity: 10,
    categories: [
      { code: 'GOV', capacity: 6 },
      { code: 'SME', capacity: 6 },
    ],
    consents: [{ kind: 'privacy', required: true }],
  });
  // The ministry's code holds 3 GOV places back for its holders.
  await h.runtime.db.insert(schema.invitationCodes).values({
    eventId: e.eventId,
    code: 'MPI-VN-2015',
    categoryId: e.categories.GOV!,
    reservesPlaces: true,
    maxUses: 3,
  });
  key = (await partnerWithKey(h, { name: 'KOTRA', eventId: e.eventId, scopes: allScopes })).key;
});
afterAll(async () => h.close());

const privacy = [{ kind: 'privacy' as const, version: 1 }];

async function register(categoryCode: string, invitationCode: string | null = null) {
  return h.caller(null).portalRegistration.register({
    eventId: e.eventId,
    categoryId: e.categories[categoryCode]!,
    invitationCode,
    participant: participant(),
    consents: privacy,
  });
}

/** What each of the three views says is left, by category code. */
async function shown() {
  const form = await h.caller(null).portalRegistration.form({ eventId: e.eventId });
  const api = await h.caller(null, undefined, { apiKey: key }).api.categories({ eventId: e.eventId });
  const setup = await h.caller(admin).registrationSetup.categories({ eventId: e.eventId });
  const byCode = (id: string) => Object.entries(e.categories).find(([, v]) => v === id)![0];
  return {
    portalFull: Object.fromEntries(form.categories.map((c) => [byCode(c.id), c.full])),
    apiRemaining: Object.fromEntries(api.map((c) => [c.code, c.remaining])),
    setupRemaining: Object.fromEntries(setup.map((c) => [c.code, c.remaining])),
  };
}

describe('places left, the same everywhere', () => {
  it('shows the one place the event has left (10 less 6 taken less 3 held back), then none', async () => {
    for (let i = 0; i < 6; i++) expect((await register('SME')).status).toBe('confirmed');
    expect(await shown()).toEqual({
      portalFull: { GOV: false, SME: true },
      apiRemaining: { GOV: 1, SME: 0 },
      setupRemaining: { GOV: 1, SME: 0 },
    });
    expect((await register('GOV')).status).toBe('confirmed');
    // GOV has 5 of its own left, 3 held back: 2; but the event has 10 - 7 - 3 = 0.
    expect(await shown()).toEqual({
      portalFull: { GOV: true, SME: true },
      apiRemaining: { GOV: 0, SME: 0 },
      setupRemaining: { GOV: 0, SME: 0 },
    });
    // Placement agrees: without the code, the waiting list.
    expect((await register('GOV')).status).toBe('waitlisted');
  });

  it('shows a code holder the places held for them, and placement gives them one', async () => {
    const form = await h
      .caller(null)
      .portalRegistration.form({ eventId: e.eventId, invitationCode: 'MPI-VN-2015' });
    expect(form.categories.find((c) => c.id === e.categories.GOV)?.full).toBe(false);
    expect((await register('GOV', 'MPI-VN-2015')).status).toBe('confirmed');
  });
});

describe('partner registrations follow the consent rule of the portal', () => {
  const request = () => ({ categoryId: e.categories.SME!, participant: participant(), optionIds: [] });

  it('refuses a registration without a required consent, naming the field, and writes nothing', async () => {
    const before = await h.runtime.db.$count(schema.registrations);
    const err = await errorOf(
      h
        .caller(null, undefined, { apiKey: key })
        .api.register({ eventId: e.eventId, registration: request() }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.cause).toMatchObject({
      fieldErrors: { 'consents.privacy': ['You must accept this to register'] },
    });
    expect(await h.runtime.db.$count(schema.registrations)).toBe(before);
  });

  it('refuses an out-of-date version and accepts the current one, recording it', async () => {
    const api = h.caller(null, undefined, { apiKey: key }).api;
    const old = await errorOf(
      api.register({
        eventId: e.eventId,
        registration: request(),
        consents: [{ kind: 'privacy', version: 2 }],
      }),
    );
    expect(old.cause).toMatchObject({
      fieldErrors: {
        'consents.privacy': ['This text has changed: read the new version and accept it again'],
      },
    });
    const ok = await api.register({ eventId: e.eventId, registration: request(), consents: privacy });
    expect(ok.registrations[0]?.status).toBe('waitlisted');
  });
});
