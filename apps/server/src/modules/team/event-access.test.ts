import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorOf, tciEvent, type TestHarness } from '../../testing/harness';
import { insertMember } from './team.repo';

let h: TestHarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('event access', () => {
  it('gives a non-member the same answer for an event that exists and one that does not', async () => {
    const admin = await h.signUp('platform@kicox.example', { platformAdmin: true });
    const event = await h.caller(admin).events.create(tciEvent);
    const outsider = await h.signUp('outsider@example.org');
    const existing = await errorOf(h.caller(outsider).events.get({ eventId: event.id }));
    const missing = await errorOf(h.caller(outsider).events.get({ eventId: randomUUID() }));
    expect([existing.code, existing.message]).toEqual(['FORBIDDEN', 'You are not on this event’s team']);
    expect([missing.code, missing.message]).toEqual([existing.code, existing.message]);
    // Control: a member whose role is too small is told so (they know the event exists).
    const reviewer = await h.signUp('reviewer@kicox.example');
    await insertMember(h.runtime.db, { eventId: event.id, userId: reviewer.userId, role: 'reviewer' });
    const small = await errorOf(h.caller(reviewer).events.update({ eventId: event.id, slug: 'mine' }));
    expect([small.code, small.message]).toEqual(['FORBIDDEN', 'Your role in this event does not allow this']);
  });

  it('holds platform administrators to an event’s two-factor requirement too', async () => {
    const owner = await h.signUp('owner@kicox.example');
    const admin = await h.signUp('admin-no-2fa@kicox.example', { platformAdmin: true });
    const event = await h.caller(admin).events.create({ ...tciEvent, slug: 'two-factor-event' });
    await insertMember(h.runtime.db, { eventId: event.id, userId: owner.userId, role: 'owner' });
    expect((await h.caller(admin).events.get({ eventId: event.id })).slug).toBe('two-factor-event');
    await h.caller(owner).events.update({ eventId: event.id, requireTwoFactor: true });
    const refused = await errorOf(h.caller(admin).events.get({ eventId: event.id }));
    expect([refused.code, refused.message]).toEqual([
      'FORBIDDEN',
      'This event requires two-factor sign-in: set it up in your profile',
    ]);
  });
});
