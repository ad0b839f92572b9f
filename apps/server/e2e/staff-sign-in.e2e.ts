import { expect, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { totpCodeFor } from '../src/modules/identity/totp';
import { newDataDir, runCli, startProductionServer } from './server';
import { useBrowserSession } from './session';

/**
 * Staff sign-in as it happens: an admin made with the CLI signs in, turns on
 * two-factor sign-in, and from then on needs the code; a run of wrong passwords
 * is throttled with a message saying when to try again.
 */
const ADMIN = { email: 'secretariat@kicox.example', password: 'cli-made-password-2015' };
const session = useBrowserSession(async () => {
  const dataDir = newDataDir();
  const created = JSON.parse(runCli(['create-admin', '--email', ADMIN.email, '--password', ADMIN.password, '--json'], dataDir)) as { id: string };
  expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
  return startProductionServer({ PLENARY_DEMO: 'false' }, dataDir);
});
const { newPage, pageErrors } = session;

async function signIn(page: Page, password: string) {
  await page.goto(`${session.server().url}/admin/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits for the next 30-second TOTP step, so the code differs from the one already used. */
async function nextTotpStep() {
  const ms = 30_000 - (Date.now() % 30_000) + 200;
  await new Promise((r) => setTimeout(r, ms));
}

describe('staff sign-in in Chromium', () => {
  it('a CLI-made admin signs in, enrols TOTP, and then needs the code to sign in', async () => {
    const page = await newPage();
    await signIn(page, ADMIN.password);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Profile & security' }).click();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = ((await page.locator('code.secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect.poll(() => page.getByRole('img', { name: 'QR code to add to your authenticator app' }).count()).toBe(1);
    await page.locator('#totp-code').fill(totpCodeFor(secret));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await expect.poll(() => page.getByText('Recovery codes').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'I have saved them' }).click();

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => page.url()).toContain('/admin/login');

    await signIn(page, ADMIN.password);
    await expect.poll(() => page.url()).toContain('/admin/login/second-factor');
    await nextTotpStep();
    await page.locator('#second-factor-code').fill(totpCodeFor(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Events', exact: true }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('throttles wrong passwords with a message saying when to try again', async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(page, `wrong-password-${i}`);
      await expect.poll(() => page.getByText('The email or password is not right.').count()).toBeGreaterThan(0);
    }
    await signIn(page, ADMIN.password);
    await expect.poll(() => page.getByText(/Too many attempts\. Try again in 1[45] minutes\./).count()).toBe(1);
    expect(page.url()).toContain('/admin/login');
  });
});
