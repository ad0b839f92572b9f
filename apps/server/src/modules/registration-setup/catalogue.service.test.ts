import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, tciEvent, type AppCaller, type TestHarness } from '../../testing/harness';
import { addRegistration, clusterTour, governmentCategory } from './setup.fixtures';

let h: TestHarness;
let admin: Actor;
let api: AppCaller;
let eventId: string;
let otherEventId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  api = h.caller(admin);
  eventId = (await api.events.create(tciEvent)).id;
  otherEventId = (await api.events.create({ ...tciEvent, slug: 'tci-2016' })).id;
});
afterAll(() => h.close());

/** The domain error behind a tRPC error: its code and field errors. */
async function domainErrorOf(p: Promise<unknown>) {
  const err = await errorOf(p);
  const cause = err.cause instanceof DomainError ? err.cause : null;
  return { code: cause?.code, message: err.message, fieldErrors: cause?.fieldErrors };
}

describe('categories', () => {
  it('creates a category with the defaults and no places taken', async () => {
    const c = await api.registrationSetup.createCategory({ eventId, ...governmentCategory });
    expect(c).toEqual({
      id: c.id,
      code: 'GOV',
      label: { ko: '정부 대표단', en: 'Government delegates' },
      description: {},
      capacity: 10,
      requiresApproval: false,
      opensAt: null,
      closesAt: null,
      feeAmount: null,
      feeCurrency: null,
      visibility: 'public',
      colour: '#1f6feb',
      position: 0,
      taken: 0,
      waitlisted: 0,
      remaining: 10,
    });
    const log = await api.audit.list({ eventId, objectType: 'registrationCategory' });
    expect(log.entries.map((e) => [e.action, e.objectId])).toEqual([['registrationCategory.create', c.id]]);
  });

  it('counts taken, waitlisted and reserved places from the rows', async () => {
    const c = await api.registrationSetup.createCategory({
      eventId,
      code: 'PRESS',
      label: { en: 'Press' },
      capacity: 12,
      opensAt: '2015-09-01T00:00:00+09:00',
      feeAmount: 50000,
      feeCurrency: 'krw',
    });
    expect([c.opensAt, c.feeCurrency]).toEqual(['2015-08-31T15:00:00.000Z', 'KRW']);
    const later = new Date(h.runtime.now().getTime() + 86_400_000);
    const earlier = new Date(h.runtime.now().getTime() - 60_000);
    for (const status of [
      'pending',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'cancelled',
      'rejected',
    ] as const) {
      await addRegistration(h, { eventId, categoryId: c.id, status });
    }
    await addRegistration(h, { eventId, categoryId: c.id, status: 'offered', offerExpiresAt: later });
    await addRegistration(h, { eventId, categoryId: c.id, status: 'offered', offerExpiresAt: earlier });
    // A reserving code with 5 uses, 1 used: 4 places held back. A non-reserving one holds none.
    const reserving = await api.registrationSetup.createCode({
      eventId,
      code: 'press-pool',
      categoryId: c.id,
      reservesPlaces: true,
      maxUses: 5,
    });
    await api.registrationSetup.createCode({ eventId, code: 'PRESS-OPEN', categoryId: c.id, maxUses: 50 });
    await addRegistration(h, {
      eventId,
      categoryId: c.id,
      status: 'confirmed',
      invitationCodeId: reserving.id,
    });

    const listed = (await api.registrationSetup.categories({ eventId })).find((x) => x.id === c.id);
    // taken: pending, confirmed, live offer, the code's confirmed one = 4; 12 - 4 - 4 reserved = 4.
    expect([listed?.taken, listed?.waitlisted, listed?.remaining]).toEqual([4, 2, 4]);

    // Lowering to exactly what is taken is allowed; remaining never goes below 0.
    const lowered = await api.registrationSetup.updateCategory({ eventId, categoryId: c.id, capacity: 4 });
    expect([lowered.capacity, lowered.taken, lowered.remaining]).toEqual([4, 4, 0]);

    const err = await domainErrorOf(
      api.registrationSetup.updateCategory({ eventId, categoryId: c.id, capacity: 3 }),
    );
    expect(err).toEqual({
      code: 'INVALID_INPUT',
      message: '4 places are already taken; the capacity cannot be lower than 4',
      fieldErrors: { capacity: ['4 places are already taken; the capacity cannot be lower than 4'] },
    });

    const unlimited = await api.registrationSetup.updateCategory({
      eventId,
      categoryId: c.id,
      capacity: null,
    });
    expect([unlimited.capacity, unlimited.remaining]).toEqual([null, null]);
  });

  it('updates only the fields sent and records the diff', async () => {
    const c = await api.registrationSetup.createCategory({
      eventId,
      code: 'UNI',
      label: { en: 'Universities' },
    });
    const updated = await api.registrationSetup.updateCategory({
      eventId,
      categoryId: c.id,
      colour: '#AA3300',
      requiresApproval: true,
    });
    expect([updated.code, updated.colour, updated.requiresApproval, updated.label]).toEqual([
      'UNI',
      '#AA3300',
      true,
      { en: 'Universities' },
    ]);
    const log = await api.audit.list({ eventId, objectType: 'registrationCategory' });
    const entry = log.entries.find((e) => e.action === 'registrationCategory.update' && e.objectId === c.id);
    expect(entry?.diff).toEqual({
      colour: { before: '#1f6feb', after: '#AA3300' },
      requiresApproval: { before: false, after: true },
    });
  });

  it('checks the fee and dates against what is stored', async () => {
    const c = await api.registrationSetup.createCategory({
      eventId,
      code: 'SME',
      label: { en: 'Companies' },
      opensAt: '2015-09-01T00:00:00+09:00',
    });
    expect(
      await domainErrorOf(
        api.registrationSetup.updateCategory({ eventId, categoryId: c.id, feeAmount: 30000 }),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: 'Give a fee and its currency together, or neither',
      fieldErrors: { feeCurrency: ['Give a fee and its currency together, or neither'] },
    });
    expect(
      await domainErrorOf(
        api.registrationSetup.updateCategory({
          eventId,
          categoryId: c.id,
          closesAt: '2015-08-01T00:00:00+09:00',
        }),
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      message: 'The end must not be before the start',
      fieldErrors: { closesAt: ['The end must not be before the start'] },
    });
  });

  it('refuses a code another category of the event uses, with a 409 on the field', async () => {
    const err = await domainErrorOf(
      api.registrationSetup.createCategory({ eventId, code: 'GOV', label: { en: 'Again' } }),
    );
    expect(err).toEqual({
      code: 'CONFLICT',
      message: 'Another category of this event already uses this code',
      fieldErrors: { code: ['Another category of this event already uses this code'] },
    });
    const elsewhere = await api.registrationSetup.createCategory({
      eventId: otherEventId,
      code: 'GOV',
      label: { en: 'Government' },
    });
    expect(elsewhere.code).toBe('GOV');
  });

  it('deletes a category only while nobody has registered in it', async () => {
    const c = await api.registrationSetup.createCategory({ eventId, code: 'VIP', label: { en: 'VIP' } });
    await addRegistration(h, { eventId, categoryId: c.id, status: 'cancelled' });
    const err = await domainErrorOf(api.registrationSetup.deleteCategory({ eventId, categoryId: c.id }));
    expect([err.code, err.message]).toEqual([
      'INVALID_STATE',
      '1 registration uses this category (cancelled ones included); a category can be deleted only while nobody has registered in it',
    ]);
    const empty = await api.registrationSetup.createCategory({
      eventId,
      code: 'EMPTY',
      label: { en: 'Empty' },
    });
    await api.registrationSetup.deleteCategory({ eventId, categoryId: empty.id });
    const codes = (await api.registrationSetup.categories({ eventId })).map((x) => x.code);
    expect(codes).toContain('VIP');
    expect(codes).not.toContain('EMPTY');
    const log = await api.audit.list({ eventId, objectType: 'registrationCategory' });
    expect(log.entries[0]?.action).toBe('registrationCategory.delete');
  });

  it("answers NOT_FOUND for another event's category", async () => {
    const theirs = await api.registrationSetup.createCategory({
      eventId: otherEventId,
      code: 'THEIRS',
      label: { en: 'Theirs' },
    });
    const update = await domainErrorOf(
      api.registrationSetup.updateCategory({ eventId, categoryId: theirs.id, capacity: 1 }),
    );
    const remove = await domainErrorOf(
      api.registrationSetup.deleteCategory({ eventId, categoryId: theirs.id }),
    );
    expect([update.code, remove.code]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    const still = (await api.registrationSetup.categories({ eventId: otherEventId })).find(
      (x) => x.id === theirs.id,
    );
    expect(still?.capacity).toBe(null);
  });
});

describe('options', () => {
  it('counts booked and waiting seats, refuses a capacity below the booked seats', async () => {
    const category = await api.registrationSetup.createCategory({
      eventId,
      code: 'TOURISTS',
      label: { en: 'T' },
    });
    const o = await api.registrationSetup.createOption({
      eventId,
      ...clusterTour,
      startsAt: '2015-11-03T09:00:00+09:00',
    });
    expect(o).toEqual({
      id: o.id,
      code: 'TOUR-A',
      kind: 'tour',
      label: clusterTour.label,
      description: {},
      capacity: 5,
      startsAt: '2015-11-03T00:00:00.000Z',
      endsAt: null,
      exclusiveGroup: null,
      position: 0,
      booked: 0,
      waitlisted: 0,
      remaining: 5,
    });
    const booked = [{ optionId: o.id, status: 'booked' as const }];
    await addRegistration(h, { eventId, categoryId: category.id, status: 'confirmed', optionIds: booked });
    await addRegistration(h, { eventId, categoryId: category.id, status: 'pending', optionIds: booked });
    await addRegistration(h, { eventId, categoryId: category.id, status: 'cancelled', optionIds: booked });
    await addRegistration(h, {
      eventId,
      categoryId: category.id,
      status: 'confirmed',
      optionIds: [{ optionId: o.id, status: 'waitlisted' }],
    });
    const listed = (await api.registrationSetup.options({ eventId })).find((x) => x.id === o.id);
    expect([listed?.booked, listed?.waitlisted, listed?.remaining]).toEqual([2, 1, 3]);

    const err = await domainErrorOf(
      api.registrationSetup.updateOption({ eventId, optionId: o.id, capacity: 1 }),
    );
    expect(err).toEqual({
      code: 'INVALID_INPUT',
      message: '2 seats are already booked; the capacity cannot be lower than 2',
      fieldErrors: { capacity: ['2 seats are already booked; the capacity cannot be lower than 2'] },
    });
    const ok = await api.registrationSetup.updateOption({
      eventId,
      optionId: o.id,
      capacity: 2,
      kind: 'social',
    });
    expect([ok.capacity, ok.kind, ok.remaining]).toEqual([2, 'social', 0]);

    const del = await domainErrorOf(api.registrationSetup.deleteOption({ eventId, optionId: o.id }));
    expect([del.code, del.message]).toEqual([
      'INVALID_STATE',
      '4 registrations have chosen this option (cancelled ones included); an option can be deleted only while nobody has chosen it',
    ]);
  });

  it('refuses a duplicate code, deletes an unchosen option, and hides other events', async () => {
    const dup = await domainErrorOf(api.registrationSetup.createOption({ eventId, ...clusterTour }));
    expect([dup.code, dup.fieldErrors]).toEqual([
      'CONFLICT',
      { code: ['Another option of this event already uses this code'] },
    ]);
    const dinner = await api.registrationSetup.createOption({
      eventId,
      code: 'DINNER',
      kind: 'meal',
      label: { en: 'Welcome dinner' },
    });
    const theirs = await api.registrationSetup.createOption({ eventId: otherEventId, ...clusterTour });
    const cross = await Promise.all([
      domainErrorOf(api.registrationSetup.updateOption({ eventId, optionId: theirs.id, capacity: 9 })),
      domainErrorOf(api.registrationSetup.deleteOption({ eventId, optionId: theirs.id })),
    ]);
    expect(cross.map((e) => e.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    await api.registrationSetup.deleteOption({ eventId, optionId: dinner.id });
    expect((await api.registrationSetup.options({ eventId })).map((x) => x.code)).toEqual(['TOUR-A']);
    const log = await api.audit.list({ eventId, objectType: 'registrationOption' });
    expect(log.entries.map((e) => e.action)).toEqual([
      'registrationOption.delete',
      'registrationOption.create',
      'registrationOption.update',
      'registrationOption.create',
    ]);
  });
});
