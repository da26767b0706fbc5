import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, seedOrganisations, signIn } from '../../../test/api-client.ts';
import { assertWebBuilt, launchChromium, openMemoryDb, serveWebApp, signInOnPage } from '../../../test/browser.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import type { Db } from '../../db/database.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { importTargets } from '../../usecases/import-targets.ts';

const SEED = resolve(import.meta.dirname, '../../../test/fixtures/shanhaiguan-2020.expected.json');

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * The built web app under the server's real Content-Security-Policy (decision 021): signing in, the
 * unit list, a unit's page with its ECharts chart, and the API docs (swagger-ui) raise no CSP
 * violation. Violations are caught twice: the `securitypolicyviolation` event (an init script,
 * which CSP does not govern) and Chromium's console report.
 */
describe('Content-Security-Policy: the web app and the API docs run under it (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const consoleViolations: string[] = [];

  async function violations(): Promise<string[]> {
    const fromEvents = await page.evaluate(() => window.cspViolations ?? []);
    return [...fromEvents, ...consoleViolations];
  }

  beforeAll(async () => {
    assertWebBuilt();
    db = await openMemoryDb();
    const seed = JSON.parse(await readFile(SEED, 'utf8')) as TargetsDocument;
    await importTargets(db, SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
    await seedOrganisations(db);
    ({ app, baseUrl } = await serveWebApp(db));
    // Creates the bureau test user (and proves its password) before the browser signs in as it.
    await signIn(app, db, { role: 'bureau' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations!.push(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
    });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('serves the page with the policy', async () => {
    const response = await page.goto(`${baseUrl}/units`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  });

  it('signs in, lists units and draws a unit’s chart with no violation', async () => {
    await signInOnPage(page, 'test-bureau-SHG-CZJ', TEST_PASSWORD);
    await page.getByTestId('unit-list').waitFor();
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await page.getByTestId('budget-chart').locator('svg').waitFor();
    expect(await violations()).toEqual([]);
  });

  it('catches a violation when one happens (the check itself works)', async () => {
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://example.invalid/pixel.png';
      document.body.append(image);
    });
    await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
    consoleViolations.length = 0;
  });

  it('shows the API docs (swagger-ui) with no violation', async () => {
    await page.goto(`${baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await violations()).toEqual([]);
  });
});
