import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@delegations.test', { platformAdmin: true });
});
afterAll(() => h.close());

describe("a delegation's contact is a person", () => {
  it('shows the contact as their person stands, however the contact was typed and whatever changed since', async () => {
    const e = await registrationEvent(h, admin, { slug: 'delegation-contact', categories: [{ code: 'GOV', capacity: 10 }] });
    // The contact already registered under their full name.
    await h.caller(admin).registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.GOV!,
      participant: participant({ email: 'sungho.lee@motie.example', givenName: 'Sungho', familyName: 'Lee' }),
    });
    const d = await h.caller(admin).delegations.create({
      eventId: e.eventId,
      name: 'MOTIE',
      contactName: 'Mr Lee',
      contactEmail: 'Sungho.Lee@motie.example',
      categoryId: e.categories.GOV!,
      members: [{ participant: participant(), answers: {} }],
    });
    expect([d.contactName, d.contactEmail]).toEqual(['Sungho Lee', 'sungho.lee@motie.example']);

    // The person's name is corrected once; the delegation reads it from there.
    const [person] = await h.runtime.db
      .select({ id: schema.persons.id })
      .from(schema.persons)
      .where(eq(schema.persons.email, 'sungho.lee@motie.example'));
    await h.runtime.db.update(schema.persons).set({ givenName: 'Sung-ho' }).where(eq(schema.persons.id, person!.id));
    const [listed] = await h.caller(admin).delegations.list({ eventId: e.eventId });
    expect([listed!.contactName, listed!.contactEmail]).toEqual(['Sung-ho Lee', 'sungho.lee@motie.example']);
    const got = await h.caller(admin).delegations.get({ eventId: e.eventId, delegationId: d.id });
    expect([got.contactName, got.contactEmail]).toEqual(['Sung-ho Lee', 'sungho.lee@motie.example']);
  });

  it('names a new contact with what was typed', async () => {
    const e = await registrationEvent(h, admin, { slug: 'delegation-new-contact', categories: [{ code: 'GOV', capacity: 10 }] });
    const d = await h.caller(admin).delegations.create({
      eventId: e.eventId,
      name: 'MPI',
      contactName: 'Nguyễn Thị Lan',
      contactEmail: 'lan@mpi.example',
      categoryId: e.categories.GOV!,
      members: [{ participant: participant(), answers: {} }],
    });
    expect([d.contactName, d.contactEmail]).toEqual(['Nguyễn Thị Lan', 'lan@mpi.example']);
  });
});
