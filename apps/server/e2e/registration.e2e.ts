import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { solvedAltchaFrom } from '../src/testing/altcha';
import { HttpClient } from '../src/testing/http';
import { startTestSmtpServer, type TestSmtpServer } from '../src/testing/smtp';
import { startProductionServer } from './server';
import { useBrowserSession } from './session';

/**
 * Registration end to end, with every kind of user: a participant registers in
 * Korean on a phone and is waitlisted because the category is full; the one
 * holding the place cancels, the first in line gets the offer by (real SMTP)
 * mail and accepts; the desk finds her, checks her in and prints her badge; a
 * partner's key registers a 20-person delegation over REST, sending the same
 * Idempotency-Key twice and getting one delegation.
 */
const ADMIN = { email: 'secretariat@kicox.example', password: 'e2e-admin-password-2015' };
let smtp: TestSmtpServer;
const session = useBrowserSession(async () => {
  smtp = await startTestSmtpServer();
  return startProductionServer({
    PLENARY_ADMIN_EMAIL: ADMIN.email,
    PLENARY_ADMIN_PASSWORD: ADMIN.password,
    PLENARY_DEMO: 'false',
    SMTP_URL: smtp.url,
  });
});
const { newPage, pageErrors } = session;
afterAll(() => smtp.close());

/** The personal link in the newest mail to a person with this subject, as a path on the server under test. */
async function linkIn(to: string, subject: RegExp): Promise<string> {
  const mail = await smtp.waitFor((m) => m.to.includes(to) && subject.test(m.subject), 30_000);
  const url = /https?:\/\/\S+\/r\/[\w-]+/.exec(mail.text)?.[0];
  if (!url) throw new Error(`no link in "${mail.subject}"`);
  return new URL(url).pathname;
}

async function data<T>(
  res: Promise<{ status: number; json: { result?: { data?: unknown }; error?: unknown } }>,
): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.json.error)}`);
  return r.json.result?.data as T;
}

describe('registration, waiting list, check-in and a partner delegation', () => {
  it('works end to end in Chromium', async () => {
    const base = session.server().url;
    const staff = new HttpClient(base);
    await staff.login(ADMIN.email, ADMIN.password);
    const event = await data<{ id: string }>(
      staff.mutate('events.create', {
        slug: 'tci-2015',
        title: { ko: '제18차 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
        startsAt: '2015-11-03T09:00:00+09:00',
        endsAt: '2015-11-06T18:00:00+09:00',
        timeZone: 'Asia/Seoul',
      }),
    );
    await data(staff.mutate('events.transition', { eventId: event.id, to: 'publish' }));
    const sme = await data<{ id: string }>(
      staff.mutate('registrationSetup.createCategory', {
        eventId: event.id,
        code: 'SME',
        label: { ko: '중소기업', en: 'SMEs' },
        capacity: 1,
      }),
    );
    const gov = await data<{ id: string }>(
      staff.mutate('registrationSetup.createCategory', {
        eventId: event.id,
        code: 'GOV',
        label: { ko: '정부 및 정책 입안자', en: 'Government and policy makers' },
        position: 1,
      }),
    );
    await data(
      staff.mutate('registrationSetup.publishConsent', {
        eventId: event.id,
        kind: 'privacy',
        text: {
          ko: '등록 처리를 위해 개인정보를 수집합니다.',
          en: 'We collect personal data to process your registration.',
        },
        required: true,
      }),
    );

    // The only SME place goes to someone registering from elsewhere.
    const first = new HttpClient(base);
    await data(
      first.mutate('portalRegistration.register', {
        eventId: event.id,
        categoryId: sme.id,
        participant: {
          givenName: 'Minh',
          familyName: 'Nguyen',
          email: 'minh@vietcluster.example',
          organisation: 'Vietnam Cluster Network',
          country: 'VN',
        },
        consents: [{ kind: 'privacy', version: 1 }],
        // The public form's proof of work, solved for real (the browser's widget does the same).
        altcha: await solvedAltchaFrom(base),
      }),
    );
    const firstLink = await linkIn('minh@vietcluster.example', /confirm your email/);

    // A participant in Korea registers on her phone, in Korean: the category is full.
    const phone = await newPage({ locale: 'ko-KR', phone: true });
    await phone.goto(`${base}/events/tci-2015`);
    await phone.getByRole('link', { name: /등록/ }).first().click();
    await phone.getByText('중소기업').first().click();
    await expect
      .poll(() => phone.getByText('정원 마감 — 대기자 명단에 등록됩니다').count())
      .toBeGreaterThan(0);
    await phone.getByLabel('이름 (여권 표기)').fill('Jiyoung');
    await phone.getByLabel('성 (여권 표기)').fill('Park');
    await phone.getByLabel('자국어 이름').fill('박지영');
    await phone.locator('input[name="participant.email"]').fill('jiyoung.park@daegu-sme.example');
    await phone.getByLabel('소속 기관').fill('대구 스마트팩토리');
    await phone.getByRole('combobox', { name: '국가' }).fill('대한민국');
    await phone.getByRole('combobox', { name: '국가' }).press('Enter');
    await phone.getByLabel('위 내용에 동의합니다 (필수)').check();
    await phone.getByRole('button', { name: '등록하기' }).click();
    await expect
      .poll(() => phone.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toBe('등록 신청이 접수되었습니다');
    await expect.poll(async () => (await phone.locator('main').textContent()) ?? '').toMatch(/대기 순번\s*1/);

    // She confirms her address from the mail (a real SMTP delivery), in Korean.
    const verifyPath = await linkIn('jiyoung.park@daegu-sme.example', /이메일 주소를 확인해 주세요/);
    await phone.goto(`${base}${verifyPath}`);
    await expect
      .poll(async () => (await phone.locator('main').textContent()) ?? '', { timeout: 15_000 })
      .toContain('대기자 명단');
    await smtp.waitFor(
      (m) => m.to.includes('jiyoung.park@') && /대기자 명단에 올랐습니다/.test(m.subject),
      30_000,
    );

    // The one holding the place cancels; the first in line gets an offer by mail and accepts it.
    const cancel = await fetch(`${base}/trpc/myRegistration.cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-plenary-link': firstLink.split('/').pop()! },
      body: JSON.stringify({ reason: 'Cannot travel' }),
    });
    expect(cancel.status).toBe(200);
    const offerPath = await linkIn('jiyoung.park@daegu-sme.example', /자리가 났습니다/);
    await phone.goto(`${base}${offerPath}`);
    await phone.getByRole('button', { name: '자리 수락' }).click();
    await expect
      .poll(async () => (await phone.locator('main').textContent()) ?? '', { timeout: 15_000 })
      .toContain('등록이 확정되었습니다');
    await expect.poll(() => phone.locator('main svg, main canvas, main img').count()).toBeGreaterThan(0);
    await smtp.waitFor(
      (m) => m.to.includes('jiyoung.park@') && /등록이 확정되었습니다/.test(m.subject),
      30_000,
    );

    // The desk finds her by name, checks her in and prints her badge.
    const desk = await newPage({ locale: 'en-GB' });
    await signIn(desk, base);
    await desk.goto(`${base}/admin/events/${event.id}/check-in`);
    await desk.getByLabel('Search by name, reference, email or organisation').fill('Park');
    await desk.getByRole('button', { name: 'Search' }).click();
    await desk.getByRole('button', { name: /Jiyoung Park/ }).click();
    await desk.getByRole('button', { name: 'Check in' }).click();
    await expect
      .poll(() => desk.getByRole('button', { name: 'Undo check-in' }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const download = desk.waitForEvent('download');
    await desk.getByRole('button', { name: 'Print badge' }).click();
    const badge = await download;
    expect(badge.suggestedFilename()).toMatch(/\.pdf$/);

    // A partner's key registers a ministry's delegation of 20; the retry with the same key makes no second one.
    const partner = await data<{ id: string }>(
      staff.mutate('partners.create', { name: 'Ministry of Trade, Industry and Energy' }),
    );
    // Partners belong to the platform: linked to the event, its managers may key them.
    await data(staff.mutate('partners.setEvents', { partnerId: partner.id, eventIds: [event.id] }));
    const { key } = await data<{ key: string }>(
      staff.mutate('partners.createKey', {
        eventId: event.id,
        partnerId: partner.id,
        name: 'MOTIE registration system',
        scopes: ['events:read', 'registrations:read', 'registrations:write'],
      }),
    );
    const body = JSON.stringify({
      delegation: {
        name: 'MOTIE delegation',
        contactName: 'Lee Sungho',
        contactEmail: 'sungho.lee@motie.example',
        categoryId: gov.id,
        locale: 'ko',
        members: Array.from({ length: 20 }, (_, i) => ({
          participant: {
            givenName: `Delegate ${String.fromCharCode(65 + i)}`,
            familyName: 'Kim',
            localName: `김대표${i + 1}`,
            email: `delegate${i + 1}@motie.example`,
            organisation: '산업통상자원부',
            country: 'KR',
          },
        })),
      },
      // The members accepted the privacy text on the ministry's side; the partner passes that on.
      consents: [{ kind: 'privacy', version: 1 }],
    });
    const post = () =>
      fetch(`${base}/api/v1/events/tci-2015/registrations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'idempotency-key': 'motie-2015-delegation-1',
        },
        body,
      });
    const once = await post();
    const twice = await post();
    expect([once.status, twice.status]).toEqual([201, 201]);
    expect(twice.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [
      (await once.json()) as { delegationId: string; registrations: unknown[] },
      (await twice.json()) as { delegationId: string },
    ];
    expect(b.delegationId).toBe(a.delegationId);
    expect(a.registrations).toHaveLength(20);
    const delegations = await data<Array<{ name: string; memberCount: number }>>(
      staff.query('delegations.list', { eventId: event.id }),
    );
    expect(delegations.map((d) => [d.name, d.memberCount])).toEqual([['MOTIE delegation', 20]]);

    expect(pageErrors).toEqual([]);
  });
});

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.url()).not.toContain('/login');
}
