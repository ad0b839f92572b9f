import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { partnerWithKey } from '../partners/partners.fixtures';

/**
 * The audit log names who acted by kind and id (issue 9 §1): a staff user, a
 * participant's link, a partner's API key with its partner, the CLI, the
 * system; never a registered person's email standing in for the actor.
 */
let h: TestHarness;
let admin: Actor;
let eventId: string;
let categoryId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
  await h.caller(admin).auth.updateProfile({ displayName: 'Kim Admin' });
  const event = await registrationEvent(h, admin, { categories: [{ code: 'OPEN', capacity: 10 }] });
  eventId = event.eventId;
  categoryId = event.categories.OPEN!;
});
afterAll(() => h.close());

async function entriesFor(objectId: string) {
  const log = await h.caller(admin).audit.list({ eventId, objectId });
  return log.entries.map((e) => ({ action: e.action, actorLabel: e.actorLabel, actor: e.actor }));
}

describe('audit actors by id', () => {
  it('credits a registration made through the partner API to the key and its partner, not to the person', async () => {
    const kotra = await partnerWithKey(h, { name: 'KOTRA', eventId, scopes: ['registrations:write'] });
    const person = participant({ email: 'lan@example.org' });
    const made = await h
      .caller(null, {}, { apiKey: kotra.key })
      .api.register({ eventId, registration: { categoryId, participant: person } });
    const id = made.registrations[0]!.id;
    expect(await entriesFor(id)).toEqual([
      {
        action: 'registration.create',
        actorLabel: 'partner KOTRA',
        actor: { kind: 'apiKey', id: kotra.apiKeyId, partnerId: kotra.partnerId, name: 'KOTRA' },
      },
    ]);
  });

  it('credits staff by user id with their current name', async () => {
    const made = await h.caller(admin).registrations.create({
      eventId,
      categoryId,
      participant: participant({ email: 'hand@example.org' }),
    });
    await h.caller(admin).auth.updateProfile({ displayName: 'Kim Min-ji' });
    expect(await entriesFor(made.id)).toEqual([
      {
        action: 'registration.create',
        actorLabel: 'admin@kicox.example',
        actor: { kind: 'user', id: admin.userId, partnerId: null, name: 'Kim Min-ji' },
      },
    ]);
  });

  it('credits a portal registration to the participant of that registration, without their email', async () => {
    const made = await h.caller(null).portalRegistration.register({
      eventId,
      categoryId,
      participant: participant({ email: 'self@example.org' }),
      consents: [],
    });
    expect(await entriesFor(made.id)).toEqual([
      {
        action: 'registration.create',
        actorLabel: 'participant',
        actor: { kind: 'participant', id: made.id, partnerId: null, name: null },
      },
    ]);
  });
});
