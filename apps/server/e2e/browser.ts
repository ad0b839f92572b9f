import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); CHROME_PATH overrides. Playwright's own download cannot work here. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'The browser tests need Chromium. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) ' +
        'or point CHROME_PATH at a Chromium or Chrome binary.',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Screenshots of open pages into apps/server/test-results/, named after the test. */
export async function saveScreenshots(pages: Page[], testName: string): Promise<void> {
  const dir = fileURLToPath(new URL('../test-results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const base = testName.replace(/[^\w-]+/g, '-').slice(0, 80);
  for (const [i, page] of pages.entries()) {
    if (page.isClosed()) continue;
    const path = join(dir, `${base}-${i}.png`);
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    console.error(`screenshot: ${path} (${page.url()})`);
  }
}

/**
 * Collects what would make a page wrong without a thrown error: console errors
 * (a Content-Security-Policy violation among them) and uncaught exceptions.
 */
export function watchForErrors(page: Page, into: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') into.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => into.push(`${page.url()}: ${err.message}`));
}
