import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, launchChromium, openMemoryDb, serveWebApp } from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import { issueSetupToken } from '../../usecases/issue-setup-token.ts';

/**
 * A fresh installation in a real browser: the login page shows no demo account, says how to get
 * the first administrator; the setup link creates it and signs in. Only once the demo is loaded
 * does the login page list the demo accounts.
 */
describe('first administrator and the demo hint (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openMemoryDb();
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('a fresh install: no demo credentials, a setup hint; the setup link makes the administrator and signs in', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(baseUrl);
    await expect.poll(() => page.getByTestId('login-setup-hint').isVisible()).toBe(true);
    expect(await page.getByTestId('login-demo-hint').count()).toBe(0);
    expect(await page.getByTestId('login-page').textContent()).not.toContain('demo-');

    const link = (await issueSetupToken(db))!;
    await page.goto(`${baseUrl}/setup#token=${link.token}`);
    await page.getByTestId('setup-username').fill('it-office');
    await page.getByTestId('setup-password').fill('password');
    await page.getByTestId('setup-confirm').fill('password');
    await page.getByTestId('setup-submit').click();
    // The server's password policy refuses a common password; the link stays usable.
    await expect.poll(() => page.getByTestId('setup-error').textContent()).toMatch(/常见|至少/);
    await page.getByTestId('setup-password').fill('quiet-orchard-river-58');
    await page.getByTestId('setup-confirm').fill('quiet-orchard-river-58');
    await page.getByTestId('setup-submit').click();
    await page.waitForURL(`${baseUrl}/`);
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('it-office');
    await page.close();
  });

  it('shows the demo accounts on the login page once the demo is loaded, and no setup hint once an administrator exists', async () => {
    await loadDemoDataIfEmpty(db);
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(baseUrl);
    await expect.poll(() => page.getByTestId('login-demo-hint').textContent()).toContain('zgh / demo-zgh-2020');
    expect(await page.getByTestId('login-setup-hint').count()).toBe(0);
    await page.close();
  });
});
