import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshots, watchForErrors } from './browser';
import { startProductionServer, type ProductionServer } from './server';

/**
 * The foundation end to end, as people use it: an admin created at start signs
 * in to the console, creates the 18th TCI Global Conference, publishes it, and a
 * visitor on a phone finds it on the portal in Korean and in English.
 */
const ADMIN = { email: 'admin@kicox.example', password: 'e2e-admin-password-2015' };
let server: ProductionServer;
let browser: Browser;
const pages: Page[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startProductionServer({ PLENARY_ADMIN_EMAIL: ADMIN.email, PLENARY_ADMIN_PASSWORD: ADMIN.password, PLENARY_DEMO: 'false' });
  browser = await launchBrowser();
});
afterEach(async (ctx) => {
  // A failing browser test leaves a picture of every page it had open.
  if (ctx.task.result?.state === 'fail') await saveScreenshots(pages, ctx.task.name);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(options: { locale: string; phone?: boolean }): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale,
    timezoneId: 'America/Los_Angeles', // far from Seoul: times must still be the event's
    ...(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }),
  });
  const page = await context.newPage();
  pages.push(page);
  watchForErrors(page, pageErrors);
  return page;
}

describe('admin creates and publishes an event; the portal shows it', () => {
  it('works end to end in Chromium', async () => {
    const admin = await newPage({ locale: 'en-GB' });
    await admin.goto(`${server.url}/admin/`);
    await admin.getByLabel('Email').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();

    await admin.getByRole('link', { name: 'Events' }).click();
    await admin.getByRole('button', { name: 'New event' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('#new-event-title-ko').fill('제18차 세계 클러스터 경쟁력 총회');
    await dialog.locator('#new-event-title-en').fill('18th TCI Global Conference');
    await dialog.locator('#new-event-slug').fill('tci-2015');
    // Typed as a person would, in the date picker's format (yy-mm-dd HH:mm).
    await dialog.locator('#new-event-starts').pressSequentially('2015-11-03 09:00');
    await dialog.locator('#new-event-ends').click();
    await dialog.locator('#new-event-ends').pressSequentially('2015-11-06 18:00');
    await dialog.locator('#new-event-slug').click();
    await dialog.getByRole('button', { name: 'Create' }).click();

    // The new event opens in the console as a draft; publish it.
    await admin.getByRole('button', { name: 'Publish' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => admin.getByText('The event is published.').count()).toBeGreaterThan(0);

    // A visitor on a phone, in Korean.
    const visitor = await newPage({ locale: 'ko-KR', phone: true });
    await visitor.goto(`${server.url}/`);
    await visitor.getByRole('link', { name: /제18차 세계 클러스터 경쟁력 총회/ }).click();
    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('제18차 세계 클러스터 경쟁력 총회');
    // 09:00 in Seoul on 3 Nov, whatever the visitor's own zone.
    await expect.poll(async () => (await visitor.locator('main').textContent()) ?? '').toMatch(/2015년 11월 3일\s*~\s*6일/);
    await expect.poll(async () => (await visitor.locator('main').textContent()) ?? '').toContain('Asia/Seoul');

    // The same page in English after the language switch (remembered).
    await visitor.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('18th TCI Global Conference');
    await visitor.reload();
    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('18th TCI Global Conference');
    await expect.poll(() => visitor.evaluate(() => document.documentElement.lang)).toBe('en');

    // Under the server's Content-Security-Policy, nothing was blocked and nothing threw.
    expect(pageErrors).toEqual([]);
  });
});
