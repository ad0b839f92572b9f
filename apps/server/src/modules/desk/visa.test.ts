import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, schema } from '@plenary/db';
import { createHarness, errorOf, type TestHarness } from '../../testing/harness';
import { addRegistration, createDeskFixture, type CreatedPerson, type DeskFixture } from './desk.fixtures';
import { purgeExpiredPassportData } from './desk.service';

let h: TestHarness;
let f: DeskFixture;

beforeAll(async () => {
  h = await createHarness();
  f = await createDeskFixture(h, 'visa');
});
afterAll(() => h.close());

const passport = {
  passportName: 'NGUYEN VAN AN',
  passportNumber: 'c 1234567',
  nationality: 'vn',
  dateOfBirth: '1980-04-12',
  embassy: 'Embassy of the Republic of Korea in Hanoi',
};

async function participant(givenName: string, locale: 'ko' | 'en' = 'en'): Promise<CreatedPerson> {
  return addRegistration(h, {
    eventId: f.eventId,
    categoryId: f.categories.government,
    givenName,
    familyName: 'Nguyen',
    country: 'VN',
    locale,
  });
}
const as = (p: CreatedPerson) => h.caller(null, {}, { linkToken: p.linkToken });

async function mailsTo(email: string) {
  return h.runtime.db
    .select({
      subject: schema.mailOutbox.subject,
      text: schema.mailOutbox.textBody,
      template: schema.mailOutbox.template,
    })
    .from(schema.mailOutbox)
    .where(eq(schema.mailOutbox.toAddress, email));
}

describe('visa invitation letters', () => {
  it('takes a request, normalises it, and hides the passport number from the desk', async () => {
    const p = await participant('An');
    const mine = await as(p).visa.request(passport);
    expect(mine).toMatchObject({
      status: 'requested',
      passportName: 'NGUYEN VAN AN',
      nationality: 'VN',
      embassy: 'Embassy of the Republic of Korea in Hanoi',
      decisionReason: null,
      decidedAt: null,
    });
    expect(mine).not.toHaveProperty('passportNumber');
    expect(await as(p).visa.mine()).toEqual(mine);

    const list = await h.caller(f.owner).visa.list({ eventId: f.eventId });
    const row = list.find((r) => r.id === mine.id);
    expect(row).toEqual({
      id: mine.id,
      registrationId: p.id,
      reference: p.reference,
      givenName: 'An',
      familyName: 'Nguyen',
      passportName: 'NGUYEN VAN AN',
      nationality: 'VN',
      embassy: 'Embassy of the Republic of Korea in Hanoi',
      status: 'requested',
      createdAt: mine.createdAt,
      decidedAt: null,
      purged: false,
    });
    expect(JSON.stringify(list)).not.toContain('C1234567');
    expect(JSON.stringify(list)).not.toContain('1980-04-12');
    // Desk staff see who asked and where the request stands; the passport's data is for the visa permission only.
    const deskList = await h.caller(f.staff).visa.list({ eventId: f.eventId });
    expect(deskList.find((r) => r.id === mine.id)).toEqual({
      ...row,
      passportName: null,
      nationality: null,
      embassy: null,
    });

    // Desk staff may not open the passport data; owners may.
    expect((await errorOf(h.caller(f.staff).visa.get({ eventId: f.eventId, requestId: mine.id }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(h.caller(f.reviewer).visa.list({ eventId: f.eventId }))).code).toBe('FORBIDDEN');
    const full = await h.caller(f.owner).visa.get({ eventId: f.eventId, requestId: mine.id });
    expect(full).toMatchObject({
      passportNumber: 'C1234567',
      dateOfBirth: '1980-04-12',
      email: p.email,
      registrationStatus: 'confirmed',
    });

    // The audit log never holds the passport number.
    const audit = await h.runtime.db
      .select({ diff: schema.auditLog.diff })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.objectId, mine.id));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('C1234567');
  });

  it('refuses implausible input with field errors', async () => {
    const p = await participant('Bad');
    const err = await errorOf(
      as(p).visa.request({
        ...passport,
        passportNumber: '12',
        nationality: 'XX',
        dateOfBirth: '1980-02-30',
        embassy: '',
      }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    const issues = (err.cause as unknown as { issues: Array<{ path: string[] }> }).issues;
    expect([...new Set(issues.map((i) => i.path.join('.')))].sort()).toEqual([
      'dateOfBirth',
      'embassy',
      'nationality',
      'passportNumber',
    ]);
    const future = await errorOf(as(p).visa.request({ ...passport, dateOfBirth: '2999-01-01' }));
    expect(future.code).toBe('BAD_REQUEST');
    expect((future.cause as unknown as { fieldErrors?: Record<string, string[]> }).fieldErrors).toEqual({
      dateOfBirth: ['Enter the date of birth as in the passport'],
    });
  });

  it('allows one request per registration; a rejected one may be replaced', async () => {
    const p = await participant('Binh', 'ko');
    const first = await as(p).visa.request(passport);
    expect((await errorOf(as(p).visa.request(passport))).code).toBe('CONFLICT');

    const rejectWithout = await errorOf(
      h.caller(f.owner).visa.decide({ eventId: f.eventId, requestId: first.id, decision: 'reject' }),
    );
    expect(rejectWithout.code).toBe('BAD_REQUEST');
    const rejected = await h.caller(f.owner).visa.decide({
      eventId: f.eventId,
      requestId: first.id,
      decision: 'reject',
      reason: 'The passport number does not match the copy',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      decisionReason: 'The passport number does not match the copy',
      decidedBy: 'visa-owner',
    });
    const mails = await mailsTo(p.email);
    expect(mails).toEqual([
      {
        template: 'visa.rejected',
        subject: '제18차 세계 클러스터 경쟁력 총회 비자 초청장 요청 결과',
        text:
          'Binh Nguyen님,\n\n보내 주신 요청으로는 제18차 세계 클러스터 경쟁력 총회 비자 초청장을 발급할 수 없습니다.\n\n' +
          '사유: The passport number does not match the copy\n\n' +
          '등록 확인 메일의 링크로 등록 페이지를 열어 내용을 고쳐 다시 요청할 수 있습니다.',
      },
    ]);

    const again = await as(p).visa.request({ ...passport, passportNumber: 'C7654321' });
    expect(again).toMatchObject({ id: first.id, status: 'requested', decisionReason: null, decidedAt: null });
    const full = await h.caller(f.owner).visa.get({ eventId: f.eventId, requestId: first.id });
    expect(full.passportNumber).toBe('C7654321');
    expect(full.decidedBy).toBeNull();
  });

  it('approves with an email in the participant’s language and then lets them download the letter', async () => {
    const p = await participant('Chi');
    const req = await as(p).visa.request(passport);
    expect((await errorOf(as(p).documents.myVisaLetter())).code).toBe('CONFLICT');
    const approved = await h
      .caller(f.owner)
      .visa.decide({ eventId: f.eventId, requestId: req.id, decision: 'approve' });
    expect(approved.status).toBe('approved');
    expect(await mailsTo(p.email)).toEqual([
      {
        template: 'visa.approved',
        subject: 'Your visa invitation letter for the 18th TCI Global Conference is ready',
        text:
          'Dear Chi Nguyen,\n\nYour request for a visa invitation letter for the 18th TCI Global Conference has been approved.\n\n' +
          'Download the letter from your registration page: open the link in your registration email.',
      },
    ]);
    expect((await errorOf(as(p).visa.request(passport))).code).toBe('CONFLICT');
    const letter = await as(p).documents.myVisaLetter();
    expect(letter.contentType).toBe('application/pdf');
    expect(letter.filename).toBe(`visa-letter-${p.reference}.pdf`);
  });

  it('is refused when the event has visa letters switched off, and for another event’s request', async () => {
    const p = await participant('Dung');
    await h.runtime.db
      .update(schema.registrationSettings)
      .set({ visaLettersEnabled: false })
      .where(eq(schema.registrationSettings.eventId, f.eventId));
    const err = await errorOf(as(p).visa.request(passport));
    await h.runtime.db
      .update(schema.registrationSettings)
      .set({ visaLettersEnabled: true })
      .where(eq(schema.registrationSettings.eventId, f.eventId));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('This event does not issue visa invitation letters');

    const other = await addRegistration(h, {
      eventId: f.otherEventId,
      categoryId: f.categories.otherEvent,
      givenName: 'Other',
      familyName: 'Event',
    });
    const otherReq = await as(other).visa.request(passport);
    expect(
      (await errorOf(h.caller(f.owner).visa.get({ eventId: f.eventId, requestId: otherReq.id }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(
          h.caller(f.owner).visa.decide({ eventId: f.eventId, requestId: otherReq.id, decision: 'approve' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (await errorOf(h.caller(f.owner).documents.visaLetter({ eventId: f.eventId, requestId: otherReq.id })))
        .code,
    ).toBe('NOT_FOUND');
  });

  it('filters the list by status', async () => {
    const all = await h.caller(f.staff).visa.list({ eventId: f.eventId });
    const approved = await h.caller(f.staff).visa.list({ eventId: f.eventId, status: 'approved' });
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.every((r) => r.status === 'approved')).toBe(true);
    expect(approved.length).toBeLessThan(all.length);
  });

  it('erases passport data visa_purge_days after the event ends, audited as system, once', async () => {
    const before = await h.caller(f.staff).visa.list({ eventId: f.eventId });
    expect(before.length).toBeGreaterThan(0);
    // The event ended on 6 Nov 2015; the clock is years past that, so everything of it goes.
    const purged = await purgeExpiredPassportData(h.runtime);
    expect(purged).toBeGreaterThanOrEqual(before.length);
    expect(await purgeExpiredPassportData(h.runtime)).toBe(0);
    const rows = await h.runtime.db
      .select({
        number: schema.visaLetterRequests.passportNumber,
        dob: schema.visaLetterRequests.dateOfBirth,
        name: schema.visaLetterRequests.passportName,
        nationality: schema.visaLetterRequests.nationality,
        purgedAt: schema.visaLetterRequests.purgedAt,
      })
      .from(schema.visaLetterRequests)
      .where(eq(schema.visaLetterRequests.eventId, f.eventId));
    for (const row of rows) {
      expect(row).toMatchObject({ number: null, dob: null, name: null, nationality: 'VN' });
      expect(row.purgedAt).not.toBeNull();
    }
    const after = await h.caller(f.staff).visa.list({ eventId: f.eventId });
    expect(after.every((r) => r.purged && r.passportName === null)).toBe(true);
    const audit = await h.runtime.db
      .select({ actor: schema.auditLog.actorLabel })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'visa.purge_passport_data'));
    expect(audit.length).toBe(purged);
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(['system']));
    const approved = after.find((r) => r.status === 'approved');
    if (!approved) throw new Error('expected an approved request');
    expect(
      (await errorOf(h.caller(f.owner).documents.visaLetter({ eventId: f.eventId, requestId: approved.id })))
        .code,
    ).toBe('CONFLICT');
  });
});

describe('the purge clock', () => {
  it('keeps the data of an event that ended less than visa_purge_days ago', async () => {
    const h2 = await createHarness();
    try {
      const f2 = await createDeskFixture(h2, 'purge');
      // Move the event so it ended 10 days ago (visa_purge_days is 30).
      const now = h2.runtime.now();
      const ended = new Date(now.getTime() - 10 * 86_400_000);
      await h2.runtime.db
        .update(schema.events)
        .set({ startsAt: new Date(ended.getTime() - 3 * 86_400_000), endsAt: ended })
        .where(eq(schema.events.id, f2.eventId));
      const p = await addRegistration(h2, {
        eventId: f2.eventId,
        categoryId: f2.categories.government,
        givenName: 'Early',
        familyName: 'Bird',
      });
      await h2.caller(null, {}, { linkToken: p.linkToken }).visa.request(passport);
      expect(await purgeExpiredPassportData(h2.runtime)).toBe(0);
      h2.advanceClock(21 * 86_400_000);
      expect(await purgeExpiredPassportData(h2.runtime)).toBe(1);
    } finally {
      await h2.close();
    }
  });
});
