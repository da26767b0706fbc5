import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import axe from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import { type Db, openPgliteDatabase } from '../src/db/database.ts';
import { buildServer } from '../src/server/app.ts';
import { createDemoUsers } from '../src/usecases/create-demo-users.ts';
import { importTargets } from '../src/usecases/import-targets.ts';
import { seedOrganisations } from './api-client.ts';
import { openMigratedPglite } from './pglite-template.ts';
import { seedDocument } from './targets-fixtures.ts';

/**
 * What every browser test needs: the built web app, a real server on a free port, Debian's
 * Chromium (never a downloaded one) and signing in through the login page.
 */
export const REPO_ROOT = resolve(import.meta.dirname, '..');

/** `dist/web`, or a build of one's own (JIXIAO_TEST_WEB_ROOT) while others rebuild dist/web on a shared machine. */
const WEB_ROOT = process.env.JIXIAO_TEST_WEB_ROOT ?? resolve(REPO_ROOT, 'dist/web');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertWebBuilt(): void {
  if (!existsSync(resolve(WEB_ROOT, 'index.html')))
    throw new Error('dist/web is missing: run `npm run build:web` (npm run test:browser does)');
}

export async function serveWebApp(db: Db): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildServer({ db, webRoot: WEB_ROOT });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, baseUrl };
}

/**
 * A fresh, migrated in-memory database, as `openDatabase({ memory: true })` gives, but loaded from the cached
 * migrated template (test/pglite-template.ts): ~0.6 s instead of ~4 s per test file.
 */
export async function openMemoryDb(): Promise<Db> {
  return openPgliteDatabase(await openMigratedPglite());
}

/** A fresh in-memory database holding the seed unit 711002 (2020) in the demo tree, with the demo accounts. */
export async function openSeedUnitDb(): Promise<Db> {
  const db = await openMemoryDb();
  await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
  await seedOrganisations(db);
  await createDemoUsers(db);
  return db;
}

/** A desktop-sized page in Chinese whose script errors show in the test output. */
export async function newDesktopPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return page;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Fills the login form on the current page and submits it (the caller waits for what should follow). */
export async function signInOnPage(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Committed screenshots are refreshed on request only (UPDATE_SCREENSHOTS=1), so a test run leaves the work tree clean. */
export function screenshotPath(name: string): string {
  return resolve(REPO_ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-results', name);
}

/**
 * Picks `option` in an antd Select (`select`: its `.ant-select` element). A click while a modal still
 * zooms in can land beside the select and open nothing (a CI run timed out that way), and a click on an
 * option while the dropdown still animates can be lost, the select keeping its old value (a CI run failed
 * that way). So the select is clicked, without force (Playwright then waits for it to be stable), until its
 * option shows; the option is clicked; and that is repeated until the select's text starts with the option (a label may say more than the option's
 * name; "1月底" must not pass for "11月底").
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  const exact =
    typeof option === 'string' ? new RegExp(`^\\s*${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : option;
  const shown = select.filter({ hasText: exact });
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await item.isVisible())) await select.click();
      await item.waitFor({ state: 'visible', timeout: 3_000 });
      await item.click();
      await shown.waitFor({ state: 'visible', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * Clicks a button in an antd modal (a confirm's OK, a dialog's 保存) until the button is gone: a click while the modal still
 * zooms in can be lost, the modal staying open (a CI run under load timed out on the editor's discard
 * confirmation that way). Gives up after five clicks, so a confirmation that never closes still fails.
 */
export async function clickUntilGone(button: Locator): Promise<void> {
  await button.waitFor({ state: 'visible' });
  for (let attempt = 1; ; attempt++) {
    try {
      if (await button.isVisible()) await button.click({ timeout: 5_000 });
      // Hidden covers a modal that closes without leaving the page as well as one that is destroyed.
      await button.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * What went wrong on a page while a test walked it: console errors, script errors, and requests that failed
 * (an HTTP status ≥ 400 or a request that never got an answer). `expect(url)` excuses a request the test
 * provokes on purpose. `idle()` waits until no request is in flight, so a page's late queries are counted.
 */
export interface PageWatch {
  problems: string[];
  expect(url: RegExp): void;
  idle(): Promise<void>;
}

export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  const expected: RegExp[] = [];
  let inFlight = 0;
  const excused = (url: string) => expected.some((pattern) => pattern.test(url));
  const where = () => new URL(page.url()).pathname;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${where()}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${where()}: page error: ${error.message}`));
  page.on('request', () => inFlight++);
  page.on('requestfinished', (request) => {
    inFlight--;
    void request.response().then((response) => {
      if (response && response.status() >= 400 && !excused(request.url()))
        problems.push(`${where()}: ${request.method()} ${request.url()} → ${response.status()}`);
    });
  });
  page.on('requestfailed', (request) => {
    inFlight--;
    // A fetch the page aborts itself (it left before the answer came) is not a failure of the server.
    if (!excused(request.url()) && request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`${where()}: ${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`);
  });
  const idle = async () => {
    for (let quiet = 0; quiet < 3;) {
      await page.waitForTimeout(50);
      quiet = inFlight <= 0 ? quiet + 1 : 0;
    }
  };
  return { problems, expect: (url) => expected.push(url), idle };
}

/**
 * Moves the single-page app to `path` as its own links do (history + popstate), then waits until it has
 * settled: no request in flight, no spinner or skeleton left.
 */
export async function showRoute(page: Page, watch: PageWatch, path: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await settle(page, watch);
}

export async function settle(page: Page, watch: PageWatch): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.page-spin, .ant-spin-spinning, .ant-skeleton-active'));
  await watch.idle();
  await page.waitForFunction(() => !document.querySelector('.page-spin, .ant-spin-spinning, .ant-skeleton-active'));
}

/** The in-app paths the header offers the signed-in user (its links, or on a narrow screen the drawer's), in order, once each. */
export async function menuPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('.app-header a[href], .app-nav a[href]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href)));
  return [...new Set(hrefs.filter((url) => url.origin === new URL(page.url()).origin).map((url) => url.pathname))];
}

/**
 * axe-core's checks (labels, names, contrast, landmarks, headings) on the page as it is: a violation of serious or
 * critical impact fails, named by rule, selector and summary. axe is injected by hand (its `source`):
 * @axe-core/playwright wants Node 22. `exclude` names parts the check skips, each with its reason at the call.
 */
export async function expectNoSeriousViolations(page: Page, context: string, exclude: string[] = []): Promise<void> {
  const violations = await seriousViolations(page, exclude);
  if (violations.length > 0)
    throw new Error(`${context}: ${violations.length} serious a11y violation(s):\n${violations.join('\n')}`);
}

export async function seriousViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (excluded) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        { exclude: excluded.map((selector) => [selector]) },
        { resultTypes: ['violations'] },
      ),
    exclude,
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes
        .slice(0, 3)
        .map(
          (node) =>
            `  [${violation.impact}] ${violation.id} at ${node.target.join(' ')}: ${(node.failureSummary ?? violation.help).split('\n').slice(0, 2).join(' ')}`,
        ),
    );
}
