import { describe, expect, it } from 'vitest';
import { startProductionServer } from './server';
import { useBrowserSession } from './session';

/**
 * The foundation end to end, as people use it: an admin created at start signs
 * in to the console, creates the 18th TCI Global Conference, publishes it, and a
 * visitor on a phone finds it on the portal in Korean and in English.
 */
const ADMIN = { email: 'admin@kicox.example', password: 'e2e-admin-password-2015' };
const session = useBrowserSession(() =>
  startProductionServer({
    PLENARY_ADMIN_EMAIL: ADMIN.email,
    PLENARY_ADMIN_PASSWORD: ADMIN.password,
    PLENARY_DEMO: 'false',
  }),
);
const { newPage, pageErrors } = session;

describe('admin creates and publishes an event; the portal shows it', () => {
  it('works end to end in Chromium', async () => {
    const admin = await newPage({ locale: 'en-GB' });
    await admin.goto(`${session.server().url}/admin/`);
    await admin.getByLabel('Email').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();

    await admin.getByRole('link', { name: 'Events', exact: true }).click();
    await admin.getByRole('button', { name: 'New event' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.locator('#new-event-title-ko').fill('제18차 세계 클러스터 경쟁력 총회');
    await dialog.locator('#new-event-title-en').fill('18th TCI Global Conference');
    await dialog.locator('#new-event-slug').fill('tci-2015');
    // Each date in the picker's format (yy-mm-dd HH:mm): open its calendar, wait until it
    // shows, enter the text, and leave with Tab, as from the keyboard. Entering the text
    // while the calendar was still opening lost it now and then, and typing key by key
    // let the calendar take the focus (Chromium 156), so a typed space pressed its buttons.
    // The field takes the focus rather than a click: Tab from the first date already
    // focuses the second, whose calendar (tall, with its time picker) may then cover it.
    for (const [field, text] of [
      ['#new-event-starts', '2015-11-03 09:00'],
      ['#new-event-ends', '2015-11-06 18:00'],
    ] as const) {
      const input = dialog.locator(field);
      await input.focus();
      await expect.poll(() => admin.locator('.p-datepicker-panel:visible').count()).toBeGreaterThan(0);
      await input.fill(text);
      await input.press('Tab');
      await expect.poll(() => input.inputValue()).toBe(text);
    }
    await dialog.getByRole('button', { name: 'Create' }).click();

    // The new event opens in the console as a draft; publish it.
    await admin.getByRole('button', { name: 'Publish' }).click();
    await admin.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => admin.getByText('The event is published.').count()).toBeGreaterThan(0);

    // A visitor on a phone, in Korean.
    const visitor = await newPage({ locale: 'ko-KR', phone: true });
    await visitor.goto(`${session.server().url}/`);
    await visitor.getByRole('link', { name: /제18차 세계 클러스터 경쟁력 총회/ }).click();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('제18차 세계 클러스터 경쟁력 총회');
    // 09:00 in Seoul on 3 Nov, whatever the visitor's own zone.
    await expect
      .poll(async () => (await visitor.locator('main').textContent()) ?? '')
      .toMatch(/2015년 11월 3일\s*~\s*6일/);
    await expect
      .poll(async () => (await visitor.locator('main').textContent()) ?? '')
      .toContain('한국 표준시 (UTC+9)');

    // The same page in English after the language switch (remembered).
    await visitor.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('18th TCI Global Conference');
    await visitor.reload();
    await expect
      .poll(() => visitor.getByRole('heading', { level: 1 }).textContent())
      .toBe('18th TCI Global Conference');
    await expect.poll(() => visitor.evaluate(() => document.documentElement.lang)).toBe('en');

    // Under the server's Content-Security-Policy, nothing was blocked and nothing threw.
    expect(pageErrors).toEqual([]);
  });
});
