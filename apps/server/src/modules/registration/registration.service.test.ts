import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, schema } from '@plenary/db';
import { ZodError } from 'zod';
import { zodFieldErrors, type Actor } from '@plenary/contracts';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { expireLapsedPlaces } from './promotion';

let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
});
afterAll(() => h.close());

/** The newest mail to an address: its template and the personal link in it. */
async function lastMailTo(email: string) {
  const [mail] = await h.runtime.db
    .select()
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${email}`);
  return {
    template: mail.template,
    subject: mail.subject,
    token: /\/r\/([\w-]+)/.exec(mail.textBody)?.[1] ?? null,
  };
}

/** The fields a refused call names. */
function fieldsOf(err: { cause?: unknown }): Record<string, string[]> {
  return (err.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
}

const asParticipant = (token: string) => h.caller(null, {}, { linkToken: token });

describe('registering on the portal', () => {
  it('places the participant, mails a link to confirm the address, then the confirmation', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'portal-basic',
      categories: [{ code: 'SME', capacity: 10 }],
      consents: [{ kind: 'privacy', required: true }],
    });
    const p = participant({
      givenName: 'Ji-hoon',
      familyName: 'Kim',
      localName: '김지훈',
      email: 'Jihoon.Kim@Example.ORG ',
      country: 'kr',
    });
    const receipt = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: p,
      consents: [{ kind: 'privacy', version: 1 }],
      locale: 'ko',
    });
    expect(receipt.status).toBe('confirmed');
    expect(receipt.waitlistPosition).toBeNull();
    const verify = await lastMailTo('jihoon.kim@example.org');
    expect(verify.template).toBe('registration.verify');
    expect(verify.subject).toContain('이메일 주소를 확인해 주세요');
    const mine = await asParticipant(verify.token!).myRegistration.verifyEmail();
    expect(mine.emailVerified).toBe(true);
    expect(mine.participant.country).toBe('KR');
    expect(mine.ticketCode).toMatch(/^[A-Z2-9]{20}$/);
    expect((await lastMailTo('jihoon.kim@example.org')).template).toBe('registration.confirmed');
    const [row] = await h.runtime.db
      .select()
      .from(schema.registrations)
      .where(eq(schema.registrations.id, receipt.id));
    expect(row!.consents).toEqual([expect.objectContaining({ kind: 'privacy', version: 1 })]);
  });

  it('refuses a missing required consent, a duplicate email, and a stale consent version, naming the field', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'portal-refusals',
      categories: [{ code: 'GOV' }],
      consents: [{ kind: 'privacy', required: true }],
    });
    const p = participant();
    const missing = await errorOf(
      h
        .caller(null)
        .portalRegistration.register({ eventId: e.eventId, categoryId: e.categories.GOV!, participant: p }),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    expect(Object.keys(fieldsOf(missing))).toEqual(['consents.privacy']);
    const stale = await errorOf(
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.GOV!,
        participant: p,
        consents: [{ kind: 'privacy', version: 7 }],
      }),
    );
    expect(Object.keys(fieldsOf(stale))).toEqual(['consents.privacy']);
    await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.GOV!,
      participant: p,
      consents: [{ kind: 'privacy', version: 1 }],
    });
    // The same address in capitals: answered as a success (issue 10, finding 4), nothing written.
    const dup = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.GOV!,
      participant: { ...p, email: p.email.toUpperCase() },
      consents: [{ kind: 'privacy', version: 1 }],
    });
    expect(dup.status).toBe('confirmed');
    const rows = await h.runtime.db
      .select({ id: schema.registrations.id })
      .from(schema.registrations)
      .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
      .where(eq(schema.persons.email, p.email));
    expect(rows.map((r) => r.id)).not.toContain(dup.id);
    expect(rows).toHaveLength(1);
  });

  it('takes the passport name in Roman letters and the own-script name beside it, and refuses control characters', async () => {
    const e = await registrationEvent(h, admin, { slug: 'portal-names', categories: [{ code: 'UNI' }] });
    for (const [given, family, local] of [
      ['Ji-hoon', 'Kim', '김지훈'],
      ['Xiaoming', 'Wang', '王小明'],
      ['Mohammed', 'Al-Ali', 'محمد العلي'],
      ['Zoë', 'Ñúñez-Østergård', null],
    ] as const) {
      const r = await h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.UNI!,
        participant: participant({ givenName: given, familyName: family, localName: local }),
      });
      expect(r.status).toBe('confirmed');
    }
    const hangul = await errorOf(
      h
        .caller(null)
        .portalRegistration.register({
          eventId: e.eventId,
          categoryId: e.categories.UNI!,
          participant: participant({ givenName: '길동', familyName: '홍' }),
        }),
    );
    expect(hangul.code).toBe('BAD_REQUEST');
    expect(hangul.cause instanceof ZodError ? zodFieldErrors(hangul.cause) : null).toEqual({
      'participant.givenName': ['Write the name in Roman letters, as in your passport (for example Hong Gil-dong)'],
      'participant.familyName': ['Write the name in Roman letters, as in your passport (for example Hong Gil-dong)'],
    });
    const bad = await errorOf(
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.UNI!,
        participant: participant({ givenName: 'Eve\u202Egnirts' }),
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
  });
});

describe('the waiting list', () => {
  it('waitlists when full, offers the freed place to the first in line, and confirms on acceptance', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'waitlist-flow',
      categories: [{ code: 'PRESS', capacity: 2 }],
    });
    const reg = (email: string) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.PRESS!,
        participant: participant({ email }),
      });
    const a = await reg('a@press.example');
    await reg('b@press.example');
    const c = await reg('c@press.example');
    const d = await reg('d@press.example');
    expect([a.status, c.status, d.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    expect([c.waitlistPosition, d.waitlistPosition]).toEqual([1, 2]);

    const aToken = (await lastMailTo('a@press.example')).token!;
    await asParticipant(aToken).myRegistration.cancel({ reason: 'Cannot travel' });
    const offer = await lastMailTo('c@press.example');
    expect(offer.template).toBe('registration.offer');
    const cView = await asParticipant(offer.token!).myRegistration.get();
    expect(cView.status).toBe('offered');
    // The next one moved up; the open offer is listed apart (no position).
    const lists = await h.caller(admin).registrations.waitlist({ eventId: e.eventId });
    expect(lists.map((x) => x.position)).toEqual([null, 1]);
    const accepted = await asParticipant(offer.token!).myRegistration.acceptOffer();
    expect(accepted.status).toBe('confirmed');
    expect(accepted.ticketCode).not.toBeNull();
  });

  it('passes an expired offer to the next person', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'offer-expiry',
      categories: [{ code: 'SME', capacity: 1 }],
    });
    await h.runtime.db
      .update(schema.registrationSettings)
      .set({ offerHours: 2 })
      .where(eq(schema.registrationSettings.eventId, e.eventId));
    const reg = (email: string) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
    await reg('first@sme.example');
    await reg('second@sme.example');
    await reg('third@sme.example');
    await asParticipant((await lastMailTo('first@sme.example')).token!).myRegistration.verifyEmail();
    // Third confirms the address, so only the offer's deadline is at stake (an unconfirmed one gives its place back after 30 minutes).
    await asParticipant((await lastMailTo('third@sme.example')).token!).myRegistration.verifyEmail();
    await asParticipant((await lastMailTo('first@sme.example')).token!).myRegistration.cancel({
      reason: null,
    });
    expect((await lastMailTo('second@sme.example')).template).toBe('registration.offer');
    h.advanceClock(3 * 3_600_000);
    await expireLapsedPlaces(h.runtime, [e.eventId]);
    expect((await lastMailTo('third@sme.example')).template).toBe('registration.offer');
    const [second] = await h.runtime.db
      .select({ status: schema.registrations.status, statusReason: schema.registrations.statusReason })
      .from(schema.registrations)
      .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
      .where(eq(schema.persons.email, 'second@sme.example'));
    expect([second!.status, second!.statusReason]).toEqual(['cancelled', 'The offer expired']);
    h.advanceClock(-3 * 3_600_000);
  });
});

describe('the hold of an unconfirmed address', () => {
  it('gives the place back 30 minutes after a portal registration whose address nobody confirmed, not before', async () => {
    const e = await registrationEvent(h, admin, { slug: 'portal-hold', categories: [{ code: 'SME', capacity: 1 }] });
    const reg = (email: string) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
    expect((await reg('script@hold.example')).status).toBe('confirmed');
    expect((await reg('person@hold.example')).status).toBe('waitlisted');
    await asParticipant((await lastMailTo('person@hold.example')).token!).myRegistration.verifyEmail();
    const status = async (email: string) =>
      (
        await h.runtime.db
          .select({ status: schema.registrations.status, reason: schema.registrations.statusReason })
          .from(schema.registrations)
          .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
          .where(eq(schema.persons.email, email))
      )[0];

    h.advanceClock(29 * 60_000);
    await expireLapsedPlaces(h.runtime, [e.eventId]);
    expect(await status('script@hold.example')).toEqual({ status: 'confirmed', reason: null });

    h.advanceClock(2 * 60_000);
    await expireLapsedPlaces(h.runtime, [e.eventId]);
    expect(await status('script@hold.example')).toEqual({
      status: 'cancelled',
      reason: 'The email address was not confirmed in time',
    });
    expect((await status('person@hold.example'))?.status).toBe('offered');
    h.advanceClock(-31 * 60_000);
  });
});

describe('invitation codes and options', () => {
  it('unlocks a hidden category with a code and never goes past its use limit', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'codes',
      categories: [{ code: 'MINISTRY', visibility: 'invitation' }],
    });
    await h.runtime.db
      .insert(schema.invitationCodes)
      .values({ eventId: e.eventId, code: 'MOTIE-2015', categoryId: e.categories.MINISTRY!, maxUses: 2 });
    const reg = (code: string | null) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.MINISTRY!,
        invitationCode: code,
        participant: participant(),
      });
    const hidden = await errorOf(reg(null));
    expect(Object.keys(fieldsOf(hidden))).toEqual(['categoryId']);
    const form = await h
      .caller(null)
      .portalRegistration.form({ eventId: e.eventId, invitationCode: 'motie-2015' });
    expect(form.categories.map((c) => c.viaCode)).toEqual([true]);
    await reg('motie-2015');
    await reg('MOTIE-2015');
    const usedUp = await errorOf(reg('MOTIE-2015'));
    expect(fieldsOf(usedUp).invitationCode).toEqual(['This invitation code is not valid']);
  });

  it('books option seats until full, then waits for them; a refused registration books nothing', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'options',
      categories: [{ code: 'GUEST' }],
      options: [{ code: 'TOUR-1', capacity: 1 }],
    });
    const tour = e.options['TOUR-1']!;
    const first = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.GUEST!,
      participant: participant(),
      optionIds: [tour],
    });
    const second = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.GUEST!,
      participant: participant(),
      optionIds: [tour],
    });
    expect(first.options).toEqual([{ optionId: tour, status: 'booked', waitlistPosition: null }]);
    expect(second.options).toEqual([{ optionId: tour, status: 'waitlisted', waitlistPosition: 1 }]);
    const before = await h.runtime.db.select().from(schema.registrationChoices);
    // A group whose second member is already registered: the first member's seat request is rolled back too.
    const taken = (
      await h.runtime.db
        .select({ email: schema.persons.email })
        .from(schema.registrations)
        .innerJoin(schema.persons, eq(schema.persons.id, schema.registrations.personId))
        .where(eq(schema.registrations.id, first.id))
    )[0]!.email;
    const refused = await errorOf(
      h.caller(admin).delegations.create({
        eventId: e.eventId,
        name: 'Tour group',
        contactName: 'Kim',
        contactEmail: 'kim@example.org',
        categoryId: e.categories.GUEST!,
        optionIds: [tour],
        members: [
          { participant: participant(), answers: {} },
          { participant: participant({ email: taken }), answers: {} },
        ],
      }),
    );
    expect(Object.keys(fieldsOf(refused))).toEqual(['members.1.participant.email']);
    expect((await h.runtime.db.select().from(schema.registrationChoices)).length).toBe(before.length);
  });
});

describe('approval and delegations', () => {
  it('holds a place while awaiting approval, and staff approve it', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'approval',
      categories: [{ code: 'GOV', capacity: 1, requiresApproval: true }],
    });
    const r = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.GOV!,
      participant: participant(),
    });
    expect(r.status).toBe('pending');
    const next = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.GOV!,
      participant: participant(),
    });
    expect(next.status).toBe('waitlisted');
    expect(
      await h.caller(admin).registrations.approve({ eventId: e.eventId, registrationIds: [r.id, next.id] }),
    ).toEqual({ changed: 1, skipped: [{ id: next.id, reason: 'is waitlisted' }] });
  });

  it('registers a delegation all or nothing', async () => {
    const e = await registrationEvent(h, admin, { slug: 'delegation', categories: [{ code: 'GOV' }] });
    const members = Array.from({ length: 20 }, (_, i) => ({
      participant: participant({ email: `d${i}@motie.go.kr`, country: 'KR' }),
      answers: {},
    }));
    const bad = [
      ...members.slice(0, 19),
      {
        participant: { ...members[0]!.participant, email: 'd0@motie.go.kr', givenName: 'Same' },
        answers: {},
      },
    ];
    const refused = await errorOf(
      h.caller(admin).delegations.create({
        eventId: e.eventId,
        name: 'MOTIE',
        contactName: 'Lee',
        contactEmail: 'lee@motie.go.kr',
        categoryId: e.categories.GOV!,
        members: bad,
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(await h.runtime.db.select().from(schema.delegations)).toEqual([]);
    const d = await h.caller(admin).delegations.create({
      eventId: e.eventId,
      name: 'MOTIE',
      contactName: 'Lee',
      contactEmail: 'lee@motie.go.kr',
      categoryId: e.categories.GOV!,
      members,
    });
    expect(d.members.map((m) => m.status)).toEqual(Array(20).fill('confirmed'));
    const contact = (
      await h.runtime.db
        .select()
        .from(schema.mailOutbox)
        .where(eq(schema.mailOutbox.toAddress, 'lee@motie.go.kr'))
    )[0]!;
    const token = /\/d\/([\w-]+)/.exec(contact.textBody)![1]!;
    // Column names in the count subqueries must name the outer table (a bare "id" would be the registration's).
    expect(
      (await h.caller(admin).delegations.list({ eventId: e.eventId })).map((x) => [
        x.memberCount,
        x.confirmed,
      ]),
    ).toEqual([[20, 20]]);
    const mine = await h.caller(null, {}, { linkToken: token }).delegations.mine();
    expect(mine.members).toHaveLength(20);
    const after = await h
      .caller(null, {}, { linkToken: token })
      .delegations.cancelMember({ registrationId: mine.members[0]!.registrationId });
    expect(after.members[0]!.status).toBe('cancelled');
  });
});
