import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import type { Actor, MeetingDto, PersonActor, ProfileDto } from '@plenary/contracts';
import { createHarness, errorOf, testRequest, type TestHarness } from '../../../testing/harness';
import { signInPerson } from '../../../testing/persons';
import { fairFixture } from '../b2b-fixtures';
import { objectChecks } from '../../access/object-checks';

// The B2B fair on the portal (issue 14): a company's contact (the person its
// profile names) sees the company's published meetings and no other; anything
// else answers as missing. Each refusal has a control: the same call by the
// person who is the contact succeeds.
let h: TestHarness;
let admin: Actor;
let eventId: string;
let otherEventId: string;
/** Contacts: of the Hanoi buyer, of the Daegu seller, of the Lyon buyer; a registrant who typed Hanoi's name. */
let hanoi: PersonActor;
let daegu: PersonActor;
let lyon: PersonActor;
let claimant: PersonActor;
let hanoiBuyer: ProfileDto;
/** Hanoi x Daegu (published, with a vi-ko interpreter), Lyon x Daegu (published), Hanoi x Busan (only scheduled). */
let published: MeetingDto;
let lyonMeeting: MeetingDto;
let planned: MeetingDto;
let otherEventMeetingId: string;

const as = (p: PersonActor) => h.caller(null, { ip: '203.0.113.9' }, { person: p });

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('coordinator@kotra.example', { platformAdmin: true });
  hanoi = (await signInPerson(h, 'buyer@hanoi-motors.example')).person;
  daegu = (await signInPerson(h, 'sales@daegu-precision.example')).person;
  lyon = (await signInPerson(h, 'achats@lyon-auto.example')).person;
  claimant = (await signInPerson(h, 'someone@hanoi-motors.example')).person;

  const a = await fairFixture(h, admin, 'b2b-portal-a');
  eventId = a.eventId;
  hanoiBuyer = await a.profile('Hanoi Motors', {
    side: 'buyer',
    country: 'VN',
    languages: ['vi'],
    contactPersonId: hanoi.personId,
  });
  const lyonBuyer = await a.profile('Lyon Auto', { side: 'buyer', country: 'FR', contactPersonId: lyon.personId });
  const daeguSeller = await a.profile('Daegu Precision', {
    side: 'seller',
    country: 'KR',
    languages: ['ko', 'en'],
    contactPersonId: daegu.personId,
  });
  const busanSeller = await a.profile('Busan Parts', { side: 'seller', country: 'KR', languages: ['vi', 'ko'] });
  const interpreter = await a.staff.b2b.saveInterpreter({
    eventId,
    name: 'Lee Minh',
    languagePairs: [
      ['en', 'ko'],
      ['vi', 'ko'],
    ],
    maxMeetings: 10,
  });
  const [slot0, slot1] = a.fair.slots;
  const [tableA1, tableA2] = a.fair.tables;
  published = await a.staff.b2b.scheduleMeeting({
    eventId,
    buyerProfileId: hanoiBuyer.id,
    sellerProfileId: daeguSeller.id,
    slotId: slot1!.id,
    tableId: tableA2!.id,
    interpreterId: interpreter.id,
  });
  lyonMeeting = await a.staff.b2b.scheduleMeeting({
    eventId,
    buyerProfileId: lyonBuyer.id,
    sellerProfileId: daeguSeller.id,
    slotId: slot0!.id,
    tableId: tableA1!.id,
  });
  await a.staff.b2bSchedule.publish({ eventId });
  planned = await a.staff.b2b.scheduleMeeting({
    eventId,
    buyerProfileId: hanoiBuyer.id,
    sellerProfileId: busanSeller.id,
    slotId: slot0!.id,
    tableId: tableA2!.id,
  });
  // A registrant who typed "Hanoi Motors" as their organisation is not its contact.
  await h.runtime.db
    .update(schema.persons)
    .set({ organisationId: hanoiBuyer.organisationId })
    .where(eq(schema.persons.id, claimant.personId));

  // Event B: Hanoi's contact is the contact of a company there too; Lyon's is not.
  const b = await fairFixture(h, admin, 'b2b-portal-b');
  otherEventId = b.eventId;
  const there = await b.profile('Hanoi Motors', { side: 'buyer', country: 'VN', contactPersonId: hanoi.personId });
  const seller = await b.profile('Ulsan Steel', { side: 'seller', country: 'KR' });
  const m = await b.staff.b2b.scheduleMeeting({
    eventId: otherEventId,
    buyerProfileId: there.id,
    sellerProfileId: seller.id,
    slotId: b.fair.slots[0]!.id,
    tableId: b.fair.tables[0]!.id,
  });
  await b.staff.b2bSchedule.publish({ eventId: otherEventId });
  otherEventMeetingId = m.id;
}, 120_000);
afterAll(() => h.close());

const hanoiView = () => ({
  id: published.id,
  eventId,
  side: 'buyer',
  startsAt: '2015-11-04T01:30:00.000Z',
  endsAt: '2015-11-04T02:00:00.000Z',
  timeZone: 'Asia/Seoul',
  localDate: '2015-11-04',
  localStart: '10:30',
  localEnd: '11:00',
  tableName: 'A2',
  counterpart: { name: { en: 'Daegu Precision' }, country: 'KR' },
  interpreterLanguages: ['vi', 'ko'],
  status: 'published',
});

describe('myB2b.meetings', () => {
  it("lists the published meetings of the person's company, in the event's time zone, from the company's side", async () => {
    expect(await as(hanoi).myB2b.meetings({ eventId })).toEqual([hanoiView()]);
  });

  it("shows the seller's contact each buyer as counterpart, in time order, no interpreter where they share a language", async () => {
    const got = await as(daegu).myB2b.meetings({ eventId });
    expect(got.map((m) => [m.id, m.side, m.localStart, m.counterpart, m.interpreterLanguages])).toEqual([
      [lyonMeeting.id, 'seller', '10:00', { name: { en: 'Lyon Auto' }, country: 'FR' }, null],
      [published.id, 'seller', '10:30', { name: { en: 'Hanoi Motors' }, country: 'VN' }, ['vi', 'ko']],
    ]);
  });

  it('shows nothing of companies the person is not the contact of, even one whose name they typed', async () => {
    expect(await as(claimant).myB2b.meetings({ eventId })).toEqual([]);
    // Control: Lyon's contact sees Lyon's meeting, and only it.
    expect((await as(lyon).myB2b.meetings({ eventId })).map((m) => m.id)).toEqual([lyonMeeting.id]);
  });

  it("keeps to the event asked for: another event's meeting is listed under that event only", async () => {
    expect((await as(hanoi).myB2b.meetings({ eventId: otherEventId })).map((m) => m.id)).toEqual([
      otherEventMeetingId,
    ]);
    expect(await as(lyon).myB2b.meetings({ eventId: otherEventId })).toEqual([]);
  });
});

describe('myB2b.meeting: the b2bMeeting object rule', () => {
  it("answers the person's own company's meeting, from either side", async () => {
    expect(await as(hanoi).myB2b.meeting({ meetingId: published.id })).toEqual(hanoiView());
    expect((await as(daegu).myB2b.meeting({ meetingId: published.id })).side).toBe('seller');
  });

  it("is 404 for another company's meeting (control: its contact reads it)", async () => {
    const err = await errorOf(as(hanoi).myB2b.meeting({ meetingId: lyonMeeting.id }));
    expect([err.code, err.message]).toEqual(['NOT_FOUND', 'No such meeting at this fair']);
    expect((await as(lyon).myB2b.meeting({ meetingId: lyonMeeting.id })).id).toBe(lyonMeeting.id);
  });

  it('is 404 for a registrant who only typed the company name at registration', async () => {
    expect((await errorOf(as(claimant).myB2b.meeting({ meetingId: published.id }))).code).toBe('NOT_FOUND');
  });

  it('is 404 for a meeting not yet published, then shows it once published', async () => {
    expect((await errorOf(as(hanoi).myB2b.meeting({ meetingId: planned.id }))).code).toBe('NOT_FOUND');
    expect((await as(hanoi).myB2b.meetings({ eventId })).map((m) => m.id)).toEqual([published.id]);
  });

  it('is 404 for a meeting that does not exist, the same words as for one that is not theirs', async () => {
    const err = await errorOf(as(hanoi).myB2b.meeting({ meetingId: '00000000-0000-4000-8000-000000000000' }));
    expect([err.code, err.message]).toEqual(['NOT_FOUND', 'No such meeting at this fair']);
  });
});

describe('the b2bMeeting check itself (the guard runs it before the service)', () => {
  const owner = (p: PersonActor) => ({ kind: 'person' as const, caller: { person: p, request: testRequest() } });
  it("lets a contact through to their company's published meeting only", async () => {
    const check = (p: PersonActor, id: string) => objectChecks.b2bMeeting(h.runtime.db, owner(p), id);
    expect(await check(hanoi, published.id)).toBe(true);
    expect(await check(daegu, published.id)).toBe(true);
    expect(await check(hanoi, lyonMeeting.id)).toBe(false);
    expect(await check(claimant, published.id)).toBe(false);
    expect(await check(hanoi, planned.id)).toBe(false);
  });
});

describe('My conference: the b2b section', () => {
  it("lists the person's company's meetings on My conference", async () => {
    const got = await as(hanoi).me.conference({ eventId });
    expect(got.sections.find((s) => s.kind === 'b2b')).toEqual({
      kind: 'b2b',
      meetings: [
        {
          id: published.id,
          localStart: '10:30',
          tableName: 'A2',
          counterpart: { en: 'Daegu Precision' },
          status: 'published',
        },
      ],
    });
  });

  it("has no b2b section for someone who is no company's contact", async () => {
    expect((await errorOf(as(claimant).me.conference({ eventId }))).code).toBe('NOT_FOUND');
  });
});

describe('after the fair: held and cancelled meetings', () => {
  it('is 404 once a meeting is cancelled (control: a held one stays visible)', async () => {
    const staff = h.caller(admin);
    await staff.b2b.setMeetingStatus({ eventId, meetingId: published.id, status: 'held' });
    expect((await as(hanoi).myB2b.meeting({ meetingId: published.id })).status).toBe('held');
    expect((await as(lyon).myB2b.meeting({ meetingId: lyonMeeting.id })).status).toBe('published');
    await staff.b2b.setMeetingStatus({ eventId, meetingId: lyonMeeting.id, status: 'cancelled' });
    expect((await errorOf(as(lyon).myB2b.meeting({ meetingId: lyonMeeting.id }))).code).toBe('NOT_FOUND');
    expect(await as(lyon).myB2b.meetings({ eventId })).toEqual([]);
  });
});
