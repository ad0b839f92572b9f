import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshots, watchForErrors } from './browser';
import { startProductionServer, type ProductionServer } from './server';

export interface PageOptions {
  locale?: string;
  /** A 390x844 touch screen instead of a 1280x800 desktop. */
  phone?: boolean;
  /** The browser's own zone; far from Seoul by default, so times must be the event's. */
  timezoneId?: string;
}

export interface BrowserSession {
  /** The production server, once beforeAll has run. */
  server(): ProductionServer;
  newPage(options?: PageOptions): Promise<Page>;
  /** Console errors and uncaught exceptions of every page opened (CSP violations among them). */
  readonly pageErrors: string[];
}

/**
 * One test file's browser set-up: a production server (started by `start`),
 * Chromium, and pages that report their errors; a failing test leaves a
 * screenshot of every page it had open in test-results/.
 */
export function useBrowserSession(start: () => Promise<ProductionServer> = () => startProductionServer()): BrowserSession {
  let server: ProductionServer | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await start();
    browser = await launchBrowser();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await saveScreenshots(pages, ctx.task.name);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    pageErrors,
    server: () => {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    async newPage(options = {}) {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const context = await browser.newContext({
        locale: options.locale ?? 'en-GB',
        timezoneId: options.timezoneId ?? 'America/Los_Angeles',
        ...(options.phone
          ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
          : { viewport: { width: 1280, height: 800 } }),
      });
      const page = await context.newPage();
      pages.push(page);
      watchForErrors(page, pageErrors);
      return page;
    },
  };
}
