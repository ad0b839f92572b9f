/**
 * Screenshots for the README (docs/screenshots/): the portal in Korean on a phone
 * and the console in English on a desktop, from the production build with the demo
 * event, in Debian's Chromium (with a Korean font: apt-get install fonts-nanum, or
 * the Korean text shows as boxes). Run after `pnpm build`:
 *
 *   pnpm --filter @plenary/server screenshots
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startProductionServer } from './server';

const outDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

async function shoot(page: Page, url: string, file: string, fullPage = false): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.screenshot({ path: `${outDir}${file}`, fullPage });
  console.log(`docs/screenshots/${file}  ${url}`);
}

async function portal(browser: Browser, base: string): Promise<void> {
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'ko-KR',
  });
  const page = await phone.newPage();
  await shoot(page, `${base}/`, 'portal-home-ko-phone.png');
  await shoot(page, `${base}/events/tci-2015`, 'portal-event-ko-phone.png', true);
  await shoot(page, `${base}/events/tci-2015/register`, 'portal-register-ko-phone.png');
  await phone.close();
}

async function admin(browser: Browser, base: string, email: string, password: string): Promise<void> {
  const desktop = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await desktop.newPage();
  await shoot(page, `${base}/admin/`, 'admin-sign-in-en-desktop.png');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  // The owner lands on the demo event's overview; its panels load after the shell.
  await page.waitForLoadState('networkidle');
  await page.locator('main h1, main h2').first().waitFor();
  await page.screenshot({ path: `${outDir}admin-event-en-desktop.png` });
  console.log(`docs/screenshots/admin-event-en-desktop.png  ${page.url()}`);
  await page.goto(`${page.url().replace(/\/$/, '')}/participants`, { waitUntil: 'networkidle' });
  await page.getByText('Loading participants').waitFor({ state: 'hidden', timeout: 30_000 });
  await page.screenshot({ path: `${outDir}admin-participants-en-desktop.png` });
  console.log(`docs/screenshots/admin-participants-en-desktop.png  ${page.url()}`);
  await desktop.close();
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  // The demo event loads on a fresh embedded database; its owner's sign-in is printed.
  const server = await startProductionServer({ PLENARY_DEMO: 'true' });
  const browser = await launchBrowser();
  try {
    const owner = /signs in as (\S+) \/ (\S+)/.exec(server.output());
    if (!owner?.[1] || !owner[2]) throw new Error(`no demo sign-in in the server's output:\n${server.output()}`);
    await portal(browser, server.url);
    await admin(browser, server.url, owner[1], owner[2]);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
