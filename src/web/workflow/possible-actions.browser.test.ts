import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { setUnitParent, upsertOrganisation } from '../../db/organisations.repo.ts';
import { type Role, SYSTEM_ACTOR } from '../../domain/access.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { createUser } from '../../usecases/create-user.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import {
  assertWebBuilt,
  clickUntilGone,
  launchChromium,
  openMemoryDb,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = resolve(ROOT, 'test/fixtures/shanhaiguan-2020.expected.json');
const PASSWORD = 'possible-actions-2020';
const PROJECT = '711-0701-JBN-PGN6';
const PAGE_PATH = '/units/711002/years/2020';
const API = `/api${PAGE_PATH}`;

const USERS: { username: string; role: Role; orgCode: string }[] = [
  { username: 'pa-unit', role: 'unit', orgCode: '711002' },
  { username: 'pa-dept', role: 'department', orgCode: '711' },
  { username: 'pa-bureau', role: 'bureau', orgCode: 'SHG-CZJ' },
  { username: 'pa-auditor', role: 'auditor', orgCode: 'SHG-CZJ' },
];

/** Issue 17 items 4 and 6: only possible actions, with reasons; the workflow in the screens. */
describe('possible actions and the workflow in the screens (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;
  let projectCodes: string[] = [];
  const pages = new Map<string, Page>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    const seed = JSON.parse(await readFile(SEED, 'utf8')) as TargetsDocument;
    projectCodes = seed.projects.map((project) => project.code);
    db = await openMemoryDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
    await upsertOrganisation(db.kysely, { code: 'SHG-CZJ', name: '山海关区财政局', kind: 'bureau', parentCode: null });
    const department = await upsertOrganisation(db.kysely, {
      code: '711',
      name: '总工会（部门）',
      kind: 'department',
      parentCode: 'SHG-CZJ',
    });
    await setUnitParent(db.kysely, '711002', department);
    for (const user of USERS)
      await createUser(db, SYSTEM_ACTOR, { ...user, displayName: user.username, password: PASSWORD });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  /** One signed-in browser context per user, on the unit-year's page. */
  async function as(username: string, path = PAGE_PATH): Promise<Page> {
    let page = pages.get(username);
    if (!page) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${baseUrl}${path}`);
      await signInOnPage(page, username, PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      pages.set(username, page);
    }
    await page.goto(`${baseUrl}${path}`);
    return page;
  }

  async function api(page: Page, method: 'POST' | 'PUT', path: string, data: object = {}): Promise<number> {
    const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
    const answer = await page.request.fetch(`${baseUrl}${API}${path}`, {
      method,
      headers: { 'X-CSRF-Token': csrfToken },
      data,
    });
    return answer.status();
  }

  async function expectState(page: Page, text: string): Promise<void> {
    await page.getByTestId('workflow-state').filter({ hasText: text }).waitFor();
  }

  async function confirmDialog(page: Page): Promise<void> {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确\s*定|仍要报送/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it("shows a stale save's differences field by field (查看差异), then reloads the stored version", async () => {
    const unit = await as('pa-unit');
    await unit
      .getByTestId(`project-${PROJECT}`)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const target = unit.locator('#project_indicators_0_target');
    await target.fill('≥97%');
    // Someone else saves the project meanwhile.
    const read = await unit.request.get(`${baseUrl}${API}/projects/${PROJECT}`);
    const { project } = (await read.json()) as { project: TargetsDocument['projects'][number] };
    const indicators = project.indicators.map((indicator, i) =>
      i === 0 ? { ...indicator, target: { raw: '≥93%' } } : indicator,
    );
    const { csrfToken } = (await (await unit.request.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
    const other = await unit.request.put(`${baseUrl}${API}/projects/${PROJECT}`, {
      headers: { 'If-Match': read.headers()['etag']!, 'X-CSRF-Token': csrfToken },
      data: { ...project, indicators },
    });
    expect(other.status()).toBe(200);

    await unit.getByTestId('editor-save').click();
    await unit.getByTestId('conflict-diff').click();
    const differences = unit.getByTestId('conflict-differences');
    await differences.waitFor();
    const text = await differences.textContent();
    expect(text).toContain('第 1 个指标的“指标值”');
    expect(text).toContain('≥97%');
    expect(text).toContain('≥93%');
    await unit.keyboard.press('Escape');
    await differences.waitFor({ state: 'hidden' });
    await unit.getByTestId('conflict-reload').click();
    await clickUntilGone(unit.getByTestId('discard-confirm'));
    await expect.poll(() => target.inputValue()).toBe('≥93%');
    await unit.getByTestId('editor-cancel').click();
    await target.waitFor({ state: 'detached' });
  });

  it('shows the review findings before submitting; then locks editing and import with the reason', async () => {
    const unit = await as('pa-unit');
    await expectState(unit, '草稿');
    await unit.getByTestId('workflow-submit').click();
    const findings = unit.getByTestId('submit-findings');
    await findings.waitFor();
    expect(await findings.textContent()).toMatch(/自动审核(发现|未发现)/);
    expect(await findings.textContent()).toContain('审核人会看到');
    await confirmDialog(unit);
    await expectState(unit, '已报送');

    const submit = unit.getByTestId('workflow-submit');
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.getAttribute('data-reason')).toBe('已报送，等待主管部门审核');
    expect(await unit.getByTestId('workflow-editable').textContent()).toContain('已报送，等待主管部门审核');
    const upload = unit.getByTestId('open-upload');
    await expect.poll(() => upload.isDisabled()).toBe(true);
    expect(await upload.getAttribute('data-reason')).toBe('已报送，等待主管部门审核');
    const add = unit.getByTestId('add-project');
    await expect.poll(() => add.getAttribute('data-reason')).toBe('已报送，等待主管部门审核');
    expect(await add.isDisabled()).toBe(true);
    // 编辑 / 删除 stay in place for the unit, disabled with the same reason (decision 044).
    const locked = unit.getByTestId(`project-${PROJECT}`).getByTestId('project-actions-locked');
    expect(await locked.getAttribute('data-reason')).toBe('已报送，等待主管部门审核');
    expect(await locked.getByRole('button', { name: /编\s*辑/ }).isDisabled()).toBe(true);
  });

  it('lets the unit withdraw before review, and editing and import come back', async () => {
    const unit = await as('pa-unit');
    await unit.getByTestId('workflow-withdraw').click();
    expect(await unit.getByRole('dialog').textContent()).toContain('撤回后可以修改绩效目标');
    await confirmDialog(unit);
    await expectState(unit, '草稿');
    await expect.poll(() => unit.getByTestId('open-upload').isDisabled()).toBe(false);
  });

  it('shows nothing to act on to the auditor, and the department its review step with the reason', async () => {
    const auditor = await as('pa-auditor');
    await auditor.getByTestId('workflow-bar').waitFor();
    expect(await auditor.getByTestId('workflow-bar').textContent()).toContain('当前无可执行的操作');
    expect(await auditor.getByTestId('open-upload').count()).toBe(0);
    expect(await auditor.getByTestId('add-project').count()).toBe(0);
    const department = await as('pa-dept');
    const review = department.getByTestId('workflow-review');
    await review.waitFor();
    expect(await review.isDisabled()).toBe(true);
    expect(await review.getAttribute('data-reason')).toBe('草稿，尚未报送');
    expect(await department.getByTestId('open-upload').count()).toBe(0);
  });

  it("shows the department's return comment above the project the unit edits", async () => {
    const unit = await as('pa-unit');
    expect(await api(unit, 'POST', '/workflow/submit')).toBe(200);
    const department = await as('pa-dept');
    expect(await api(department, 'POST', '/workflow/return', { comment: '满意度指标值偏低，请调整' })).toBe(200);
    await unit.reload();
    await expectState(unit, '已退回修改');
    await unit
      .getByTestId(`project-${PROJECT}`)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const comments = unit.getByTestId('returned-comments');
    await comments.waitFor();
    expect(await comments.textContent()).toContain('满意度指标值偏低，请调整');
  });

  it('offers the department 批量审核 only, and reports each item', async () => {
    const unit = await as('pa-unit');
    expect(await api(unit, 'POST', '/workflow/submit')).toBe(200);
    const department = await as('pa-dept', '/bureau');
    for (const projectCode of [...projectCodes, null]) {
      const grades = { completeness: '优', relevance: '优', appropriateness: '优', feasibility: '优', overall: '优' };
      expect(await api(department, 'PUT', '/review-opinions', { projectCode, ...grades, opinion: '符合要求' })).toBe(
        200,
      );
    }
    const overview = department.getByTestId('bureau-overview');
    await overview.getByText('711002').waitFor();
    expect(await overview.getByTestId('batch-approve').count()).toBe(0);
    await overview.getByRole('checkbox', { name: '711002 2020' }).check();
    await overview.getByTestId('batch-review').click();
    const results = department.getByTestId('batch-results');
    await results.waitFor();
    expect(await results.textContent()).toContain('成功');

    const auditor = await as('pa-auditor', '/bureau');
    await auditor.getByTestId('bureau-overview').getByText('711002').waitFor();
    expect(await auditor.getByTestId('batch-actions').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
