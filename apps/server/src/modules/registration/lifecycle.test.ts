import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, schema, sql } from '@plenary/db';
import type { Actor } from '@plenary/contracts';
import { createHarness, type TestHarness } from '../../testing/harness';
import { participant, registrationEvent } from '../../testing/registration-fixtures';
import { selectRows } from '../../core/sql';

/** A registration's life (issue 8, items 3, 5, 11, 14): the rules, on both engines. */
let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
});
afterAll(() => h.close());

async function lastMailTo(email: string) {
  const [mail] = await h.runtime.db
    .select()
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email))
    .orderBy(desc(schema.mailOutbox.createdAt), desc(schema.mailOutbox.id))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${email}`);
  return { template: mail.template, token: /\/r\/([\w-]+)/.exec(mail.textBody)?.[1] ?? null };
}

const asParticipant = (token: string) => h.caller(null, {}, { linkToken: token });

async function choiceOf(registrationId: string, optionId: string) {
  const [row] = await h.runtime.db
    .select()
    .from(schema.registrationChoices)
    .where(
      and(
        eq(schema.registrationChoices.registrationId, registrationId),
        eq(schema.registrationChoices.optionId, optionId),
      ),
    );
  return row ? { status: row.status, rank: row.waitlistRank } : null;
}

async function allowOptionChanges(eventId: string) {
  await h.runtime.db
    .update(schema.registrationSettings)
    .set({ editableFields: ['phone', 'options'] })
    .where(eq(schema.registrationSettings.eventId, eventId));
}

describe('changing options (item 3)', () => {
  it('a waiting registration waits for a new option too; the seat goes to one who holds a place', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'options-waiting',
      categories: [{ code: 'SME', capacity: 1 }],
      options: [{ code: 'TOUR', capacity: 1 }],
    });
    await allowOptionChanges(e.eventId);
    const tour = e.options.TOUR!;
    const reg = (email: string) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
    const a = await reg('a@opts.example');
    const b = await reg('b@opts.example');
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);
    const bToken = (await lastMailTo('b@opts.example')).token!;
    const aToken = (await lastMailTo('a@opts.example')).token!;
    await asParticipant(bToken).myRegistration.update({ optionIds: [tour] });
    expect((await choiceOf(b.id, tour))?.status).toBe('waitlisted');
    await asParticipant(aToken).myRegistration.update({ optionIds: [tour] });
    expect((await choiceOf(a.id, tour))?.status).toBe('booked');
    // A leaves: B is offered A's place, accepts, and gets the seat A freed; never two seats.
    await asParticipant(aToken).myRegistration.cancel({ reason: null });
    const offer = await lastMailTo('b@opts.example');
    expect(offer.template).toBe('registration.offer');
    await asParticipant(offer.token!).myRegistration.acceptOffer();
    expect((await choiceOf(b.id, tour))?.status).toBe('booked');
    const [seats] = await selectRows<{ n: number }>(
      h.runtime.db,
      sql`select count(*)::int as n from registration_choices c join registrations r on r.id = c.registration_id
          where c.option_id = ${tour} and c.status = 'booked' and r.status in ('pending','confirmed')`,
    );
    expect(Number(seats!.n)).toBe(1);
  });

  it('puts a newcomer to an option list after everyone on it, whatever the clock says', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'options-rank',
      categories: [{ code: 'SME' }],
      options: [{ code: 'TOUR', capacity: 1 }],
    });
    await allowOptionChanges(e.eventId);
    const tour = e.options.TOUR!;
    const reg = (email: string, optionIds: string[]) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
        optionIds,
      });
    await reg('seat@rank.example', [tour]);
    const first = await reg('first@rank.example', [tour]);
    const later = await reg('later@rank.example', []);
    const firstRank = (await choiceOf(first.id, tour))!.rank!;
    // Another server's clock a little behind must not put the newcomer first.
    h.advanceClock(-60_000);
    try {
      const token = (await lastMailTo('later@rank.example')).token!;
      await asParticipant(token).myRegistration.update({ optionIds: [tour] });
    } finally {
      h.advanceClock(60_000);
    }
    const laterChoice = (await choiceOf(later.id, tour))!;
    expect(laterChoice.status).toBe('waitlisted');
    expect(laterChoice.rank! > firstRank).toBe(true);
  });
});

describe('self-service edits keep the audit whole (item 14)', () => {
  it('records the value before the change beside the value after', async () => {
    const e = await registrationEvent(h, admin, { slug: 'audit-before', categories: [{ code: 'SME' }] });
    const r = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.SME!,
      participant: participant({ email: 'phone@audit.example', phone: '+82 10 1111 2222' }),
    });
    const token = (await lastMailTo('phone@audit.example')).token!;
    await asParticipant(token).myRegistration.update({ participant: { phone: '+82 10 3333 4444' } });
    const [entry] = await h.runtime.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.objectId, r.id), eq(schema.auditLog.action, 'registration.selfUpdate')));
    expect(entry?.diff).toEqual({ phone: { before: '+82 10 1111 2222', after: '+82 10 3333 4444' } });
  });
});

describe('every mail about the personal page carries the person’s link (item 11)', () => {
  it('the approval and the staff cancellation mails open the registration', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'mail-links',
      categories: [{ code: 'GOV', requiresApproval: true }],
    });
    const r = await h.caller(null).portalRegistration.register({
      eventId: e.eventId,
      categoryId: e.categories.GOV!,
      participant: participant({ email: 'gov@links.example' }),
    });
    const first = await lastMailTo('gov@links.example');
    await h.caller(admin).registrations.approve({ eventId: e.eventId, registrationIds: [r.id] });
    const approved = await lastMailTo('gov@links.example');
    expect(approved.template).toBe('registration.confirmed');
    expect(approved.token).not.toBeNull();
    expect((await asParticipant(approved.token!).myRegistration.get()).status).toBe('confirmed');
    await h.caller(admin).registrations.cancel({ eventId: e.eventId, registrationId: r.id, reason: 'Duplicate' });
    const cancelled = await lastMailTo('gov@links.example');
    expect(cancelled.template).toBe('registration.cancelled');
    expect((await asParticipant(cancelled.token!).myRegistration.get()).status).toBe('cancelled');
    // The link of the first mail (bookmarked, say) still opens the page: new links are added, not swapped in.
    expect(first.token).not.toBeNull();
    expect(new Set([first.token, approved.token, cancelled.token]).size).toBe(3);
    expect((await asParticipant(first.token!).myRegistration.get()).status).toBe('cancelled');
  });
});

describe('promotion follows placement’s rule (item 5)', () => {
  it('keeps the places codes hold back in the whole event when it hands a freed place on', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'promotion-held-back',
      eventCapacity: 3,
      categories: [{ code: 'SME' }, { code: 'VIP', visibility: 'invitation' }],
    });
    await h.runtime.db.insert(schema.invitationCodes).values({
      eventId: e.eventId,
      code: 'VIP-ONLY',
      categoryId: e.categories.VIP!,
      maxUses: 1,
      reservesPlaces: true,
    });
    const reg = (email: string) =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories.SME!,
        participant: participant({ email }),
      });
    const statuses = [];
    for (const who of ['p1', 'p2', 'p3', 'p4']) statuses.push((await reg(`${who}@held.example`)).status);
    // 3 places, one held for the VIP code: two confirmed, two waiting.
    expect(statuses).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    await asParticipant((await lastMailTo('p1@held.example')).token!).myRegistration.cancel({ reason: null });
    const rows = await selectRows<{ status: string; n: number }>(
      h.runtime.db,
      sql`select status, count(*)::int as n from registrations where event_id = ${e.eventId} group by status order by status`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({
      cancelled: 1,
      confirmed: 1,
      offered: 1,
      waitlisted: 1,
    });
  });

  it('reaches a later category past 500 people waiting in a full one', async () => {
    const e = await registrationEvent(h, admin, {
      slug: 'promotion-starve',
      categories: [
        { code: 'FULL', capacity: 1 },
        { code: 'LATE', capacity: 1 },
      ],
    });
    const reg = (email: string, code: 'FULL' | 'LATE') =>
      h.caller(null).portalRegistration.register({
        eventId: e.eventId,
        categoryId: e.categories[code]!,
        participant: participant({ email }),
      });
    await reg('full@starve.example', 'FULL');
    const template = await reg('full-wait@starve.example', 'FULL');
    // 600 more waiting in FULL, copied from one made the normal way (ranks before the LATE waiter).
    await h.runtime.db.execute(sql`
      with people as (
        insert into persons (email, given_name, family_name, country)
        select 'w' || g || '@starve.example', 'Waiting', 'Person', 'KR' from generate_series(1, 600) g
        returning id, email
      )
      insert into registrations (event_id, category_id, reference, status, source, person_id,
                                 organisation, manage_token_hash, ticket_code, waitlist_rank, email_verified_at)
      select event_id, category_id, reference || '-' || g, status, source, p.id,
             organisation, manage_token_hash || g, ticket_code || g, waitlist_rank + g, email_verified_at
      from registrations, generate_series(1, 600) g
      join people p on p.email = 'w' || g || '@starve.example'
      where registrations.id = ${template.id}`);
    const lateHolder = await reg('late@starve.example', 'LATE');
    const lateWaiter = await reg('late-wait@starve.example', 'LATE');
    expect(lateWaiter.status).toBe('waitlisted');
    await h.caller(admin).registrations.cancel({ eventId: e.eventId, registrationId: lateHolder.id, reason: null });
    const [row] = await h.runtime.db
      .select({ status: schema.registrations.status })
      .from(schema.registrations)
      .where(eq(schema.registrations.id, lateWaiter.id));
    expect(row!.status).toBe('offered');
  });
});
