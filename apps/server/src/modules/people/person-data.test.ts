import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import { recordAudit } from '../audit/audit.service';
import { insertPersonForTest } from './people.repo';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@erase.test', { platformAdmin: true });
});
afterAll(() => h.close());

const personIdOf = async (email: string) =>
  (await h.runtime.db.select({ id: schema.persons.id }).from(schema.persons).where(eq(schema.persons.email, email)))[0]!.id;

describe('a person\'s data', () => {
  it('exports everything held about the person, then erases it, giving the place to the next in line', async () => {
    const e = await registrationEvent(h, admin, { slug: 'erase-a', categories: [{ code: 'SME', capacity: 1 }] });
    const staff = h.caller(admin);
    const mine = await staff.registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'hana.cho@example.org', givenName: 'Hana', familyName: 'Cho', dietary: 'vegan' }),
    });
    const next = await staff.registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'next@example.org' }),
    });
    expect([mine.status, next.status]).toEqual(['confirmed', 'waitlisted']);
    const personId = await personIdOf('hana.cho@example.org');

    const data = await staff.people.exportData({ personId });
    // Staff typed the address; only its owner verifies it (people.service.ts).
    expect(data.person).toMatchObject({ email: 'hana.cho@example.org', givenName: 'Hana', familyName: 'Cho', emailVerified: false });
    expect(data.registrations.map((r) => [r.id, r.eventSlug, r.status, r.dietary])).toEqual([
      [mine.id, 'erase-a', 'confirmed', 'vegan'],
    ]);
    expect(data.mails.map((m) => m.template)).toEqual(['registration.confirmed']);
    expect(data.auditEntries.map((a) => [a.action, a.objectId])).toEqual([['registration.create', mine.id]]);
    expect((await staff.people.search({ query: 'hana' })).people.map((p) => p.id)).toEqual([personId]);
    const detail = await staff.people.get({ personId });
    expect(detail.registrations.map((r) => [r.id, r.eventId, r.status])).toEqual([[mine.id, e.eventId, 'confirmed']]);

    const erased = await staff.people.erase({ personId });
    expect(erased.cancelledRegistrations).toBe(1);
    const after = await staff.people.exportData({ personId });
    expect(after.person).toMatchObject({
      email: `erased-${personId}@erased.invalid`,
      givenName: 'erased',
      familyName: 'erased',
      country: null,
      phone: null,
    });
    expect(after.registrations.map((r) => [r.status, r.organisation, r.dietary, r.answers])).toEqual([
      ['cancelled', 'erased', null, {}],
    ]);
    const audit = await h.runtime.db
      .select({ diff: schema.auditLog.diff, label: schema.auditLog.actorLabel })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, mine.id));
    expect(JSON.stringify(audit)).not.toContain('hana');
    expect(JSON.stringify(audit)).not.toContain('Cho');
    const mails = await h.runtime.db
      .select({ to: schema.mailOutbox.toAddress })
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.toAddress, 'hana.cho@example.org'));
    expect(mails).toEqual([]);
    // The freed place went on through the registration's own transition.
    const moved = await staff.registrations.get({ eventId: e.eventId, registrationId: next.id });
    expect(moved.status).toBe('offered');
  });

  it('finds the audit entries about a person by ids, not by their address inside another actor\'s label', async () => {
    // A staff member whose address contains the participant's: "jan@about.test" holds "an@about.test".
    const jan = await h.signUp('jan@about.test', { platformAdmin: true });
    const e = await registrationEvent(h, jan, { slug: 'about-a', categories: [{ code: 'SME', capacity: 5 }] });
    const mine = await h.caller(jan).registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'an@about.test', givenName: 'An', familyName: 'Vu' }),
    });
    const personId = await personIdOf('an@about.test');
    // Something the person did signed in, on an object that is not theirs by type, and the
    // same done by someone else.
    await recordAudit(h.runtime.db, 'system', {
      eventId: e.eventId,
      action: 'file.upload',
      objectType: 'file',
      objectId: 'f-1',
      actor: { kind: 'person', personId },
      after: { name: 'An Vu passport.pdf' },
    });
    await recordAudit(h.runtime.db, 'system', {
      eventId: e.eventId,
      action: 'file.upload',
      objectType: 'file',
      objectId: 'f-2',
      actor: { kind: 'person', personId: await insertPersonForTest(h.runtime.db, { email: 'someone@about.test' }) },
    });

    const data = await h.caller(admin).people.exportData({ personId });
    expect(data.auditEntries.map((a) => [a.action, a.objectId])).toEqual([
      ['registration.create', mine.id],
      ['file.upload', 'f-1'],
    ]);

    await h.caller(admin).people.erase({ personId });
    const [upload] = await h.runtime.db
      .select({ diff: schema.auditLog.diff })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, 'f-1'));
    expect(upload!.diff).toEqual({ name: { before: 'erased', after: 'erased' } });
  });
});
