import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import { DomainError, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, type AppCaller, type TestHarness } from '../../../testing/harness';
import { participant, registrationEvent } from '../../../testing/registration-fixtures';

/**
 * Issue 8, item 16: staff see every waiting list (categories and options), the
 * open offers with their deadline, offer a place now, and move someone to a position.
 */
let h: TestHarness;
let staff: AppCaller;
let e: Awaited<ReturnType<typeof registrationEvent>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  const admin: Actor = await h.signUp('admin@plenary.test', { platformAdmin: true });
  staff = h.caller(admin);
  e = await registrationEvent(h, admin, {
    slug: 'waitlists',
    categories: [{ code: 'SME', capacity: 1 }],
    options: [{ code: 'TOUR', capacity: 1 }],
  });
  for (const name of ['a', 'b', 'c', 'd', 'f']) {
    const r = await staff.registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: `${name}@lists.example` }),
      optionIds: [e.options.TOUR!],
      approve: true,
      sendConfirmation: false,
    });
    ids[name] = r.id;
  }
  // a leaves: b is offered the place (and, holding it, waits first for the tour seat a freed).
  await staff.registrations.cancel({ eventId: e.eventId, registrationId: ids.a!, reason: null });
});
afterAll(() => h.close());

const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

async function categoryList() {
  const list = await staff.registrations.waitlist({ eventId: e.eventId, categoryId: e.categories.SME! });
  return list.map((x) => `${x.position ?? 'offer'}:${nameOf(x.registrationId)}`);
}

describe('waiting lists in admin (item 16)', () => {
  it('shows the open offers with their deadline beside the waiting people', async () => {
    expect(await categoryList()).toEqual(['offer:b', '1:c', '2:d', '3:f']);
    const [offer] = await staff.registrations.waitlist({ eventId: e.eventId, categoryId: e.categories.SME! });
    expect(offer!.status).toBe('offered');
    const [row] = await h.runtime.db
      .select({ at: schema.registrations.offerExpiresAt })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, ids.b!));
    expect(offer!.offerExpiresAt).toBe(row!.at!.toISOString());
  });

  it('shows an option list in its own order', async () => {
    const list = await staff.registrations.waitlist({ eventId: e.eventId, optionId: e.options.TOUR! });
    expect(list.map((x) => `${x.position}:${nameOf(x.registrationId)}`)).toEqual(['1:b', '2:c', '3:d', '4:f']);
  });

  it('moves someone to a position in one step', async () => {
    await staff.registrations.moveInWaitlist({ eventId: e.eventId, registrationId: ids.f!, position: 1 });
    expect(await categoryList()).toEqual(['offer:b', '1:f', '2:c', '3:d']);
    await staff.registrations.moveInWaitlist({ eventId: e.eventId, registrationId: ids.f!, position: 3 });
    expect(await categoryList()).toEqual(['offer:b', '1:c', '2:d', '3:f']);
  });

  it('moves someone to a position on an option list, in the option\'s own order (audited)', async () => {
    const optionList = async () =>
      (await staff.registrations.waitlist({ eventId: e.eventId, optionId: e.options.TOUR! })).map(
        (x) => `${x.position}:${nameOf(x.registrationId)}`,
      );
    await staff.registrations.moveInWaitlist({
      eventId: e.eventId,
      optionId: e.options.TOUR!,
      registrationId: ids.d!,
      position: 1,
    });
    expect(await optionList()).toEqual(['1:d', '2:b', '3:c', '4:f']);
    // The category list is another list: untouched.
    expect(await categoryList()).toEqual(['offer:b', '1:c', '2:d', '3:f']);
    await staff.registrations.moveInWaitlist({
      eventId: e.eventId,
      optionId: e.options.TOUR!,
      registrationId: ids.b!,
      beforeId: null,
    });
    expect(await optionList()).toEqual(['1:d', '2:c', '3:f', '4:b']);
    const audit = await h.runtime.db
      .select({ action: schema.auditLog.action, diff: schema.auditLog.diff })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, ids.b!));
    expect(audit.filter((x) => x.action === 'registration.moveInOptionWaitlist').map((x) => x.diff)).toEqual([
      { optionWaitlistPosition: { before: 2, after: 4 } },
    ]);
    const notThere = await errorOf(
      staff.registrations.moveInWaitlist({
        eventId: e.eventId,
        optionId: e.options.TOUR!,
        registrationId: ids.a!,
        position: 1,
      }),
    );
    expect(notThere.cause instanceof DomainError ? notThere.cause.code : null).toBe('NOT_FOUND');
  });

  it('offers a place now: refused in a full category unless staff add the place', async () => {
    const full = await errorOf(staff.registrations.offerNow({ eventId: e.eventId, registrationId: ids.d! }));
    expect(full.cause instanceof DomainError ? full.cause.fieldErrors : null).toEqual({
      addPlace: ['No place is free in this category'],
    });
    const offered = await staff.registrations.offerNow({ eventId: e.eventId, registrationId: ids.d!, addPlace: true });
    expect(offered.status).toBe('offered');
    expect(await categoryList()).toEqual(['offer:b', 'offer:d', '1:c', '2:f']);
    const [cat] = await h.runtime.db
      .select({ capacity: schema.registrationCategories.capacity })
      .from(schema.registrationCategories)
      .where(eq(schema.registrationCategories.id, e.categories.SME!));
    expect(cat!.capacity).toBe(2);
    const audit = await h.runtime.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, ids.d!));
    expect(audit.map((x) => x.action)).toContain('registration.offerNow');
  });
});
