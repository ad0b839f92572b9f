import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { solvedAltchaFrom } from '../src/testing/altcha';
import { HttpClient } from '../src/testing/http';
import { startTestSmtpServer, type TestSmtpServer } from '../src/testing/smtp';
import { startProductionServer } from './server';
import { useBrowserSession } from './session';

/**
 * A participant who registered earlier signs in on a small phone (360x740) by
 * the code from the sign-in mail, in Korean, and finds My conference with her
 * registration; a new tab (a new page on the same browser) still knows her.
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

async function data<T>(
  res: Promise<{ status: number; json: { result?: { data?: unknown }; error?: unknown } }>,
): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.json.error)}`);
  return r.json.result?.data as T;
}

describe('a participant signs in on the portal', () => {
  it('by the emailed code on a phone, and sees My conference with the registration', async () => {
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
    const gov = await data<{ id: string }>(
      staff.mutate('registrationSetup.createCategory', {
        eventId: event.id,
        code: 'GOV',
        label: { ko: '정부 및 정책 입안자', en: 'Government and policy makers' },
      }),
    );
    const receipt = await data<{ reference: string }>(
      new HttpClient(base).mutate('portalRegistration.register', {
        eventId: event.id,
        categoryId: gov.id,
        participant: {
          givenName: 'Seoyeon',
          familyName: 'Park',
          email: 'seoyeon@daegu.example',
          organisation: '대구광역시',
          country: 'KR',
        },
        consents: [],
        // The public form's proof of work, solved for real (the browser's widget does the same).
        altcha: await solvedAltchaFrom(base),
      }),
    );

    const page = await newPage({ locale: 'ko-KR', phone: true, timezoneId: 'Asia/Seoul' });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/signin`);
    await page.getByLabel('이메일 주소').fill('seoyeon@daegu.example');
    await page.getByRole('button', { name: '코드 받기' }).click();
    await page.getByText('다음 주소로 6자리 코드를 보냈습니다:').waitFor();
    const mail = await smtp.waitFor(
      (m) => m.to.includes('seoyeon@daegu.example') && /로그인 코드/.test(m.subject),
      30_000,
    );
    const code = /로그인 코드는 (\d{6}) 입니다/.exec(mail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code first: the error is in Korean, next to the field.
    await page.getByLabel('6자리 코드').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.getByText('코드가 맞지 않습니다. 가장 최근 메일의 코드를 확인해 주세요.').waitFor();

    await page.getByLabel('6자리 코드').fill(code!);
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.waitForURL(`${base}/account`);
    await page.getByRole('link', { name: /제18차 세계 클러스터 경쟁력 총회/ }).click();
    await page.waitForURL(`${base}/me/${event.id}`);
    await page.locator('.registration-card').waitFor();
    expect(await page.locator('.registration-card__reference').textContent()).toBe(receipt.reference);
    expect(await page.locator('h1').textContent()).toBe('제18차 세계 클러스터 경쟁력 총회');
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBe(0);
    const dir = fileURLToPath(new URL('../test-results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: `${dir}my-conference-360.png`, fullPage: true });

    // Another tab of the same browser: still signed in (the cookie, not the tab, holds the session).
    const tab = await page.context().newPage();
    await tab.goto(`${base}/r`);
    await tab.waitForURL(`${base}/account`);
    // The one refused request is the wrong code's (401), which the page showed as above.
    expect(pageErrors).toEqual([
      `${base}/signin: Failed to load resource: the server responded with a status of 401 (Unauthorized)`,
    ]);
  });
});
