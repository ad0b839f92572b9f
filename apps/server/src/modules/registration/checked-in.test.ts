import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

/**
 * Issue 8, item 6: a checked-in registration cannot be cancelled or rejected
 * (the person came; the place was used). A check-in made by mistake is undone
 * at the desk first (audited), and then the registration can be cancelled. The
 * soak's invariant "only a confirmed registration is checked in" follows.
 */
let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
});
afterAll(() => h.close());

describe('cancelling a checked-in registration (item 6)', () => {
  it('is refused until the check-in is undone', async () => {
    const e = await registrationEvent(h, admin, { slug: 'checked-in', categories: [{ code: 'SME', capacity: 5 }] });
    const staff = h.caller(admin);
    const reg = await staff.registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'came@checked.example' }),
      approve: true,
      sendConfirmation: false,
    });
    expect(reg.status).toBe('confirmed');
    await staff.checkIn.checkIn({ eventId: e.eventId, registrationId: reg.id });

    const err = await errorOf(staff.registrations.cancel({ eventId: e.eventId, registrationId: reg.id, reason: null }));
    expect([err.cause instanceof DomainError ? err.cause.code : null, err.message]).toEqual([
      'INVALID_STATE',
      'This registration is checked in; undo the check-in before cancelling it',
    ]);
    const still = await staff.registrations.get({ eventId: e.eventId, registrationId: reg.id });
    expect([still.status, still.checkedInAt !== null]).toEqual(['confirmed', true]);

    await staff.checkIn.undo({ eventId: e.eventId, registrationId: reg.id });
    const cancelled = await staff.registrations.cancel({ eventId: e.eventId, registrationId: reg.id, reason: null });
    expect(cancelled.status).toBe('cancelled');
  });
});
