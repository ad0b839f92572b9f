import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { HttpClient } from '../src/testing/http';
import { png } from '../src/modules/files/test-files';
import { startProductionServer } from './server';
import { useBrowserSession } from './session';

/**
 * A participant sends a 3 MB PDF (over the old 700 KB limit) from the portal's form,
 * streamed to /files; the event's staff open it from the participant's page in admin
 * with their session, and a browser without one is refused.
 */
const ADMIN = { email: 'secretariat@kicox.example', password: 'e2e-admin-password-2015' };
const session = useBrowserSession(() =>
  startProductionServer({
    PLENARY_ADMIN_EMAIL: ADMIN.email,
    PLENARY_ADMIN_PASSWORD: ADMIN.password,
    PLENARY_DEMO: 'false',
  }),
);
const { newPage, pageErrors } = session;

async function data<T>(
  res: Promise<{ status: number; json: { result?: { data?: unknown }; error?: unknown } }>,
): Promise<T> {
  const r = await res;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.json.error)}`);
  return r.json.result?.data as T;
}

/** A one-page PDF carrying a 1000x1000 photo of noise: about 3 MB, as a scanned document is. */
async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(png(1000, 1000, true));
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 595 });
  return Buffer.from(await doc.save());
}

describe('files', () => {
  it('a 3 MB PDF goes from the portal form to the staff who open it', async () => {
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
    await data(
      staff.mutate('registrationSetup.createCategory', {
        eventId: event.id,
        code: 'SME',
        label: { ko: '중소기업', en: 'SMEs' },
      }),
    );
    await data(
      staff.mutate('registrationSetup.updateForm', {
        eventId: event.id,
        standardFields: {},
        questions: [{ id: 'cv', type: 'file', label: { ko: '이력서', en: 'CV' }, required: true }],
      }),
    );

    const cv = await scannedPdf();
    expect(cv.length).toBeGreaterThan(3_000_000);
    const phone = await newPage({ locale: 'ko-KR', phone: true });
    await phone.goto(`${base}/events/tci-2015/register`);
    await phone.getByText('중소기업').first().click();
    await phone.getByLabel('이름 (여권 표기)').fill('Jiyoung');
    await phone.getByLabel('성 (여권 표기)').fill('Park');
    await phone.locator('input[name="participant.email"]').fill('jiyoung.park@daegu-sme.example');
    await phone.getByLabel('소속 기관').fill('대구 스마트팩토리');
    await phone.getByRole('combobox', { name: '국가' }).fill('대한민국');
    await phone.getByRole('combobox', { name: '국가' }).press('Enter');
    await phone.locator('[data-field="answers.cv"] input[type="file"]').setInputFiles({
      name: '이력서.pdf',
      mimeType: 'application/pdf',
      buffer: cv,
    });
    await expect
      .poll(() => phone.locator('[data-field="answers.cv"] [role="status"]').textContent(), { timeout: 30_000 })
      .toBe('파일을 받았습니다: 이력서.pdf');
    const registered = phone.waitForResponse((r) => r.url().includes('portalRegistration.register'));
    await phone.getByRole('button', { name: '등록하기' }).click();
    const body = (await (await registered).json()) as unknown;
    const receipt = (Array.isArray(body) ? body[0] : body) as { result: { data: { id: string } } };
    const registrationId = receipt.result.data.id;

    const desk = await newPage({ locale: 'en-GB' });
    await desk.goto(`${base}/admin/login`);
    await desk.getByLabel('Email').fill(ADMIN.email);
    await desk.getByLabel('Password').fill(ADMIN.password);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => desk.url()).not.toContain('/login');
    await desk.goto(`${base}/admin/events/${event.id}/participants/${registrationId}`);
    const link = desk.getByRole('link', { name: 'Open the file' });
    await link.waitFor({ timeout: 15_000 });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    const popup = desk.waitForEvent('popup');
    await link.click();
    expect((await popup).url()).toBe(`${base}${href}`);

    // The staff session's cookie opens it; the same address without a session does not.
    const opened = await desk.request.get(`${base}${href}`);
    expect(opened.status()).toBe(200);
    expect(opened.headers()['content-type']).toBe('application/pdf');
    expect(opened.headers()['x-content-type-options']).toBe('nosniff');
    expect(opened.headers()['content-disposition']).toBe(
      `inline; filename="___.pdf"; filename*=UTF-8''%EC%9D%B4%EB%A0%A5%EC%84%9C.pdf`,
    );
    expect(Buffer.from(await opened.body()).equals(cv)).toBe(true);
    const stranger = await fetch(`${base}${href}`);
    expect(stranger.status).toBe(401);
    expect(pageErrors).toEqual([]);
  });
});
