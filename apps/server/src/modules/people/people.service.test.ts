import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';

let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@people.test', { platformAdmin: true });
});
afterAll(() => h.close());

async function linkTo(email: string): Promise<string> {
  const [mail] = await h.runtime.db
    .select({ text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  return /\/r\/([\w-]+)/.exec(mail!.text)![1]!;
}

async function personOf(email: string) {
  const [row] = await h.runtime.db
    .select({
      givenName: schema.persons.givenName,
      familyName: schema.persons.familyName,
      country: schema.persons.country,
      verified: schema.persons.emailVerifiedAt,
    })
    .from(schema.persons)
    .where(eq(schema.persons.email, email));
  return row && { ...row, verified: row.verified !== null };
}

describe('persons written by registration', () => {
  it('creates a person from a first form, and a second anonymous form for that email does not rewrite it until its owner verifies', async () => {
    const a = await registrationEvent(h, admin, { slug: 'people-a', categories: [{ code: 'SME', capacity: 10 }] });
    const b = await registrationEvent(h, admin, { slug: 'people-b', categories: [{ code: 'SME', capacity: 10 }] });
    await h.caller(null).portalRegistration.register({
      eventId: a.eventId,
      categoryId: a.categories.SME!,
      participant: participant({ email: 'sora.lee@example.org', givenName: 'Sora', familyName: 'Lee', country: 'KR' }),
    });
    expect(await personOf('sora.lee@example.org')).toEqual({
      givenName: 'Sora',
      familyName: 'Lee',
      country: 'KR',
      verified: false,
    });

    // Someone types the same address on another organiser's form with other names.
    const other = await h.caller(null).portalRegistration.register({
      eventId: b.eventId,
      categoryId: b.categories.SME!,
      participant: participant({ email: 'sora.lee@example.org', givenName: 'Mallory', familyName: 'Evil', country: 'JP' }),
    });
    expect(await personOf('sora.lee@example.org')).toEqual({
      givenName: 'Sora',
      familyName: 'Lee',
      country: 'KR',
      verified: false,
    });
    const [pending] = await h.runtime.db
      .select({ pending: schema.registrations.pendingProfile })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, other.id));
    expect(pending!.pending).toEqual({ givenName: 'Mallory', familyName: 'Evil', country: 'JP' });
    const staffView = await h.caller(admin).registrations.get({ eventId: b.eventId, registrationId: other.id });
    expect([staffView.givenName, staffView.familyName, staffView.email]).toEqual(['Sora', 'Lee', 'sora.lee@example.org']);

    // The address's owner clicks the link of the second registration: what it typed becomes theirs.
    await h.caller(null, {}, { linkToken: await linkTo('sora.lee@example.org') }).myRegistration.verifyEmail();
    expect(await personOf('sora.lee@example.org')).toEqual({
      givenName: 'Mallory',
      familyName: 'Evil',
      country: 'JP',
      verified: true,
    });
    const [after] = await h.runtime.db
      .select({ pending: schema.registrations.pendingProfile })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, other.id));
    expect(after!.pending).toBeNull();
  });

  it('lets staff correct a participant\'s name on the person, audited under the event', async () => {
    const e = await registrationEvent(h, admin, { slug: 'people-staff', categories: [{ code: 'SME', capacity: 10 }] });
    const created = await h.caller(admin).registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'jun.park@example.org', givenName: 'Jun', familyName: 'Pak' }),
    });
    const id = created.id;
    const updated = await h.caller(admin).registrations.update({
      eventId: e.eventId,
      registrationId: id,
      participant: { familyName: 'Park' },
    });
    expect([updated.givenName, updated.familyName]).toEqual(['Jun', 'Park']);
    expect((await personOf('jun.park@example.org'))?.familyName).toBe('Park');
    const [entry] = await h.runtime.db
      .select({ eventId: schema.auditLog.eventId, diff: schema.auditLog.diff })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'registration.update'))
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    expect(entry).toEqual({ eventId: e.eventId, diff: { familyName: { before: 'Pak', after: 'Park' } } });
  });

  it('moves a registration to the person of a corrected address, leaving that person\'s names as they were', async () => {
    const e = await registrationEvent(h, admin, { slug: 'people-move', categories: [{ code: 'SME', capacity: 10 }] });
    const other = await registrationEvent(h, admin, { slug: 'people-move-2', categories: [{ code: 'SME', capacity: 10 }] });
    await h.caller(admin).registrations.create({
      eventId: other.eventId,
      categoryId: other.categories.SME!,
      participant: participant({ email: 'minji.han@example.org', givenName: 'Minji', familyName: 'Han' }),
    });
    const typo = await h.caller(admin).registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'minji.han@exmaple.org', givenName: 'Minjee', familyName: 'Han' }),
    });
    const moved = await h.caller(admin).registrations.update({
      eventId: e.eventId,
      registrationId: typo.id,
      participant: { email: 'minji.han@example.org' },
    });
    expect([moved.email, moved.givenName]).toEqual(['minji.han@example.org', 'Minji']);
    expect((await personOf('minji.han@example.org'))?.givenName).toBe('Minji');
    expect((await personOf('minji.han@exmaple.org'))?.givenName).toBe('Minjee');
  });
});

describe('a verified person\'s fields belong to the person', () => {
  it('keeps what another organiser\'s staff type differently as the registration\'s pending profile, on create and on update', async () => {
    const own = await registrationEvent(h, admin, { slug: 'tenancy-own', categories: [{ code: 'SME', capacity: 10 }] });
    const other = await registrationEvent(h, admin, { slug: 'tenancy-other', categories: [{ code: 'SME', capacity: 10 }] });
    await h.caller(null).portalRegistration.register({
      eventId: own.eventId,
      categoryId: own.categories.SME!,
      participant: participant({ email: 'yuna.choi@example.org', givenName: 'Yuna', familyName: 'Choi', country: 'KR' }),
    });
    await h.caller(null, {}, { linkToken: await linkTo('yuna.choi@example.org') }).myRegistration.verifyEmail();
    expect(await personOf('yuna.choi@example.org')).toEqual({ givenName: 'Yuna', familyName: 'Choi', country: 'KR', verified: true });

    const created = await h.caller(admin).registrations.create({
      eventId: other.eventId,
      categoryId: other.categories.SME!,
      participant: participant({ email: 'yuna.choi@example.org', givenName: 'Yoona', familyName: 'Choi', country: 'US' }),
    });
    expect(await personOf('yuna.choi@example.org')).toEqual({ givenName: 'Yuna', familyName: 'Choi', country: 'KR', verified: true });
    const pendingOf = async (id: string) =>
      (
        await h.runtime.db
          .select({ pending: schema.registrations.pendingProfile })
          .from(schema.registrations)
          .where(eq(schema.registrations.id, id))
      )[0]!.pending;
    expect(await pendingOf(created.id)).toEqual({ givenName: 'Yoona', country: 'US' });
    expect(created.pendingProfile).toEqual({ givenName: 'Yoona', country: 'US' });

    const updated = await h.caller(admin).registrations.update({
      eventId: other.eventId,
      registrationId: created.id,
      participant: { familyName: 'Chey' },
    });
    expect(await personOf('yuna.choi@example.org')).toEqual({ givenName: 'Yuna', familyName: 'Choi', country: 'KR', verified: true });
    expect(await pendingOf(created.id)).toEqual({ givenName: 'Yoona', country: 'US', familyName: 'Chey' });
    expect([updated.givenName, updated.familyName, updated.pendingProfile]).toEqual([
      'Yuna',
      'Choi',
      { givenName: 'Yoona', country: 'US', familyName: 'Chey' },
    ]);
  });

  it('lets staff and partners write a person nobody has verified yet, without marking it verified', async () => {
    const e = await registrationEvent(h, admin, { slug: 'tenancy-unverified', categories: [{ code: 'SME', capacity: 10 }] });
    const created = await h.caller(admin).registrations.create({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'dohyun.kang@example.org', givenName: 'Dohyun', familyName: 'Kang' }),
    });
    expect(await personOf('dohyun.kang@example.org')).toEqual({ givenName: 'Dohyun', familyName: 'Kang', country: 'VN', verified: false });
    expect(created.pendingProfile).toBeNull();
  });
});
