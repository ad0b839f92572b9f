import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, tciEvent, type AppCaller, type TestHarness } from '../../testing/harness';
import { addRegistration } from './setup.fixtures';

let h: TestHarness;
let admin: Actor;
let api: AppCaller;
let n = 0;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
});
afterAll(() => h.close());

/** A fresh event (each test its own, so waiting lists do not mix). */
async function newEvent() {
  n += 1;
  return (await api.events.create({ ...tciEvent, slug: `tci-waitlist-${n}` })).id;
}

async function statuses(ids: string[]) {
  const rows = await h.runtime.db
    .select({ id: schema.registrations.id, status: schema.registrations.status })
    .from(schema.registrations)
    .where(inArray(schema.registrations.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.status]));
  return ids.map((id) => byId.get(id));
}

describe('a larger limit offers the freed places to the waiting list', () => {
  it('raising a category capacity offers places in waiting-list order', async () => {
    const eventId = await newEvent();
    const c = await api.registrationSetup.createCategory({
      eventId,
      code: 'GOV',
      label: { en: 'Gov' },
      capacity: 1,
    });
    const confirmed = await addRegistration(h, { eventId, categoryId: c.id, status: 'confirmed' });
    const second = await addRegistration(h, {
      eventId,
      categoryId: c.id,
      status: 'waitlisted',
      waitlistRank: 2,
    });
    const first = await addRegistration(h, {
      eventId,
      categoryId: c.id,
      status: 'waitlisted',
      waitlistRank: 1,
    });

    const lowered = await api.registrationSetup.updateCategory({ eventId, categoryId: c.id, capacity: 1 });
    expect(lowered.waitlisted).toBe(2);

    const raised = await api.registrationSetup.updateCategory({ eventId, categoryId: c.id, capacity: 2 });
    expect([raised.taken, raised.waitlisted, raised.remaining]).toEqual([2, 1, 0]);
    expect(await statuses([confirmed, first, second])).toEqual(['confirmed', 'offered', 'waitlisted']);
    const [offer] = await h.runtime.db
      .select({ expires: schema.registrations.offerExpiresAt })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, first));
    const hours = ((offer?.expires?.getTime() ?? 0) - h.runtime.now().getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(48);

    // No limit at all: the last one waiting is offered a place too.
    await api.registrationSetup.updateCategory({ eventId, categoryId: c.id, capacity: null });
    expect(await statuses([second])).toEqual(['offered']);
  });

  it('raising the event capacity does the same across categories', async () => {
    const eventId = await newEvent();
    await api.registrationSetup.updateSettings({ eventId, capacity: 1 });
    const c = await api.registrationSetup.createCategory({ eventId, code: 'UNI', label: { en: 'Uni' } });
    await addRegistration(h, { eventId, categoryId: c.id, status: 'confirmed' });
    const waiting = await addRegistration(h, {
      eventId,
      categoryId: c.id,
      status: 'waitlisted',
      waitlistRank: 1,
    });
    await api.registrationSetup.updateSettings({ eventId, allowSelfCancel: false });
    expect(await statuses([waiting])).toEqual(['waitlisted']);
    await api.registrationSetup.updateSettings({ eventId, capacity: 2 });
    expect(await statuses([waiting])).toEqual(['offered']);
  });

  it('revoking a code that reserves places hands them on', async () => {
    const eventId = await newEvent();
    const c = await api.registrationSetup.createCategory({
      eventId,
      code: 'PRESS',
      label: { en: 'Press' },
      capacity: 2,
    });
    await addRegistration(h, { eventId, categoryId: c.id, status: 'confirmed' });
    const code = await api.registrationSetup.createCode({
      eventId,
      code: 'PRESS-POOL',
      categoryId: c.id,
      reservesPlaces: true,
      maxUses: 1,
    });
    const waiting = await addRegistration(h, {
      eventId,
      categoryId: c.id,
      status: 'waitlisted',
      waitlistRank: 1,
    });
    expect((await api.registrationSetup.categories({ eventId }))[0]?.remaining).toBe(0);
    await api.registrationSetup.revokeCode({ eventId, codeId: code.id });
    expect(await statuses([waiting])).toEqual(['offered']);
    expect((await api.registrationSetup.categories({ eventId }))[0]?.remaining).toBe(0);
  });

  it('raising an option capacity books the seat of the next one waiting for it', async () => {
    const eventId = await newEvent();
    const c = await api.registrationSetup.createCategory({
      eventId,
      code: 'SME',
      label: { en: 'Companies' },
    });
    const tour = await api.registrationSetup.createOption({
      eventId,
      code: 'TOUR-B',
      label: { en: 'Tour' },
      capacity: 1,
    });
    await addRegistration(h, {
      eventId,
      categoryId: c.id,
      status: 'confirmed',
      optionIds: [{ optionId: tour.id, status: 'booked' }],
    });
    await addRegistration(h, {
      eventId,
      categoryId: c.id,
      status: 'confirmed',
      optionIds: [{ optionId: tour.id, status: 'waitlisted', waitlistRank: 1 }],
    });
    const raised = await api.registrationSetup.updateOption({ eventId, optionId: tour.id, capacity: 2 });
    expect([raised.booked, raised.waitlisted, raised.remaining]).toEqual([2, 0, 0]);
  });
});
