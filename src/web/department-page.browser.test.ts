import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { seedOrganisations } from '../../test/api-client.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { createDemoUsers } from '../usecases/create-demo-users.ts';
import { importTargets } from '../usecases/import-targets.ts';
import { assertWebBuilt, launchChromium, openMemoryDb, serveWebApp, signInOnPage } from '../../test/browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(ROOT, 'test/fixtures/shanhaiguan-2020.expected.json');
// The committed screenshot is refreshed on request only, so a test run leaves the work tree clean.
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? resolve(ROOT, 'docs/screenshots/department-page.png')
  : resolve(ROOT, 'test-results/department-page.png');

const EDITED_PROJECT = '711-0701-JBN-PGN6';
const projectApi = (code: string) => `/api/units/711002/years/2020/projects/${encodeURIComponent(code)}`;
/** The demo unit user (README): 山海关区总工会 may edit its own targets. */
const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };

describe('department page (real server, real browser)', () => {
  let seed: TargetsDocument;
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  /** A second session of the same user, for the requests the test makes beside the browser. */
  let api: { cookie: string; csrfToken: string };

  beforeAll(async () => {
    assertWebBuilt();
    seed = JSON.parse(await readFile(SEED, 'utf8')) as TargetsDocument;
    db = await openMemoryDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
    await seedOrganisations(db);
    await createDemoUsers(db);
    ({ app, baseUrl } = await serveWebApp(db));
    const signedIn = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(UNIT_USER),
    });
    api = {
      cookie: signedIn.headers.getSetCookie()[0]!.split(';')[0]!,
      csrfToken: ((await signedIn.json()) as { csrfToken: string }).csrfToken,
    };
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const projectTable = (code: string) => page.getByTestId(`project-${code}`);

  async function openDepartmentPage(): Promise<void> {
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await page.getByTestId('project-tables').waitFor();
  }

  it('asks for a sign-in first, refuses a wrong password, then shows the unit list', async () => {
    await page.goto(`${baseUrl}/units`);
    await page.getByTestId('login-page').waitFor();
    await signInOnPage(page, UNIT_USER.username, 'wrong-password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码不正确');
    await page.getByTestId('login-password').fill(UNIT_USER.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('unit-list').waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain('预算单位');
  });

  it('goes from the unit list to the seed department', async () => {
    await page.goto(`${baseUrl}/units`);
    const yearLink = page.getByRole('link', { name: '2020年' });
    await yearLink.waitFor();
    expect(await page.getByTestId('unit-list').textContent()).toContain('711002秦皇岛市山海关区总工会');
    await yearLink.click();
    await page.getByTestId('department-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/units/711002/years/2020');
    expect(await page.getByTestId('overall-targets').textContent()).toContain('1. 打造项目化劳动和技能竞赛品牌。');
  });

  it('shows every project table with all its indicators, flags the value without a number, and draws the chart', async () => {
    await openDepartmentPage();
    for (const project of seed.projects) {
      const table = projectTable(project.code);
      await expect(table.getByTestId('indicator-name').allTextContents()).resolves.toEqual(
        project.indicators.map((i) => i.name),
      );
      await expect(table.getByTestId('indicator-target').allTextContents()).resolves.toEqual(
        project.indicators.map((i) => (i.target.raw === '个' ? '个缺少指标值' : i.target.raw)),
      );
      expect(await table.textContent()).toContain(`711002秦皇岛市山海关区总工会`);
    }
    expect(await projectTable('711-0403-JBN-3EQS').getByText('缺少指标值').count()).toBe(1);
    await page.getByTestId('budget-chart').locator('svg').waitFor();
    await expect(page.getByTestId('budget-totals').textContent()).resolves.toContain('102,000.00');

    await page.evaluate(() => document.fonts.ready);
    await mkdir(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('edits an indicator value in the editor, saves it, and still shows it after a reload', async () => {
    await openDepartmentPage();
    await projectTable(EDITED_PROJECT)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const target = page.locator('#project_indicators_0_target');
    await expect(target.inputValue()).resolves.toBe('≥90%');
    await target.fill('≥95%');
    await page.getByTestId('editor-save').click();
    await page.getByText('已保存').waitFor();

    await page.reload();
    await page.getByTestId('project-tables').waitFor();
    const values = await projectTable(EDITED_PROJECT).getByTestId('indicator-target').allTextContents();
    expect(values[0]).toBe('≥95%');
    const stored = (await (
      await fetch(`${baseUrl}${projectApi(EDITED_PROJECT)}`, { headers: { cookie: api.cookie } })
    ).json()) as { project: TargetsDocument['projects'][number] };
    expect(stored.project.indicators[0]!.target).toMatchObject({ raw: '≥95%', op: '>=', value: 95, unit: '%' });
  });

  it("keeps the user's edits and says so when someone else saved first (409)", async () => {
    await openDepartmentPage();
    await projectTable(EDITED_PROJECT)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const name = page.locator('#project_name');
    await expect(name.inputValue()).resolves.toBe('困难职工帮扶资金');

    // Someone else saves the same project meanwhile.
    const read = (await (
      await fetch(`${baseUrl}${projectApi(EDITED_PROJECT)}`, { headers: { cookie: api.cookie } })
    ).json()) as { project: object; version: number };
    const other = await fetch(`${baseUrl}${projectApi(EDITED_PROJECT)}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${read.version}"`,
        cookie: api.cookie,
        'X-CSRF-Token': api.csrfToken,
      },
      body: JSON.stringify({ ...read.project, purpose: '他人修改的资金用途' }),
    });
    expect(other.status).toBe(200);

    await name.fill('困难职工帮扶资金（我的修改）');
    await page.getByTestId('editor-save').click();
    await expect(page.getByTestId('conflict-notice').textContent()).resolves.toMatch(
      /此记录已被.*修改。您的修改尚未保存。/,
    );
    await expect(name.inputValue()).resolves.toBe('困难职工帮扶资金（我的修改）');
  });

  it("signs out, and shows a reviewer the audit log with the unit's change field by field", async () => {
    await page.goto(`${baseUrl}/units`);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-page').waitFor();
    await signInOnPage(page, 'zgb', 'demo-zgb-2020');
    await page.getByTestId('unit-list').waitFor();
    await openDepartmentPage();
    await page.getByTestId('open-audit').click();
    const audit = page.getByTestId('audit-page');
    // In plain words (issue 17 item 7): no action key, no field key, no JSON.
    await audit
      .getByText(/修改了 项目/)
      .first()
      .waitFor();
    const firstEntry = audit.getByTestId('audit-entry').first();
    expect(await firstEntry.textContent()).toMatch(/^zgh 于 .* 修改了 项目 /);
    expect(await firstEntry.textContent()).toContain('将“资金用途”从 困难职工帮扶资金 改为 他人修改的资金用途');
    expect(await audit.getByRole('link', { name: /导出 CSV/ }).getAttribute('href')).toBe(
      '/api/units/711002/years/2020/audit.csv',
    );
  });
});
