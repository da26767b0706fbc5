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
import { assertWebBuilt, launchChromium, openMemoryDb, serveWebApp, signInOnPage } from '../../../test/browser.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = resolve(ROOT, 'test/fixtures/shanhaiguan-2020.expected.json');
const PASSWORD = 'workflow-test-2020';
const PROJECT = '711-0701-JBN-PGN6';
const PAGE_PATH = '/units/711002/years/2020';

const USERS: { username: string; role: Role; orgCode: string }[] = [
  { username: 'wf-unit', role: 'unit', orgCode: '711002' },
  { username: 'wf-dept', role: 'department', orgCode: '711' },
  { username: 'wf-bureau', role: 'bureau', orgCode: 'SHG-CZJ' },
];

describe('review workflow (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;
  const pages = new Map<string, Page>();
  let projectCodes: string[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    const seed = JSON.parse(await readFile(SEED, 'utf8')) as TargetsDocument;
    projectCodes = seed.projects.map((project) => project.code);
    db = await openMemoryDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
    await upsertOrganisation(db.kysely, {
      code: 'SHG-CZJ',
      name: '秦皇岛市山海关区财政局',
      kind: 'bureau',
      parentCode: null,
    });
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

  /** Each user has a browser context of their own (own cookies), signed in once through the login page. */
  async function as(username: string): Promise<Page> {
    let page = pages.get(username);
    if (!page) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error.message));
      await logIn(page, username);
      pages.set(username, page);
    }
    await page.goto(`${baseUrl}${PAGE_PATH}`);
    await page.getByTestId('workflow-bar').waitFor();
    return page;
  }

  /** The app shows the sign-in form in place of any page until someone signs in (src/web/auth). */
  async function logIn(page: Page, username: string): Promise<void> {
    await page.goto(`${baseUrl}${PAGE_PATH}`);
    await signInOnPage(page, username, PASSWORD);
    await page.getByTestId('user-menu').waitFor();
  }

  const stateOf = (page: Page) => page.getByTestId('workflow-state').textContent();

  async function pickVersion(page: Page, select: string, label: string): Promise<void> {
    await page.getByTestId(select).locator('.ant-select').click();
    const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
    await page.locator(`${open} .ant-select-item-option`).filter({ hasText: label }).click();
    // The closing dropdown stays in the DOM while it animates out: wait until it is gone, or the next
    // pick would see both lists.
    await expect.poll(() => page.locator(open).count()).toBe(0);
  }

  /**
   * Records 优 on every item at the page user's level (财预〔2015〕88号: review and approval wait for the
   * 审核意见表 of every project and the overall targets; the form itself is walked in opinion.browser.test.ts).
   */
  async function recordForms(page: Page): Promise<void> {
    const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
    const grades = { completeness: '优', relevance: '优', appropriateness: '优', feasibility: '优', overall: '优' };
    for (const projectCode of [...projectCodes, null]) {
      const answer = await page.request.put(`${baseUrl}/api${PAGE_PATH}/review-opinions`, {
        headers: { 'X-CSRF-Token': csrfToken },
        data: { projectCode, ...grades, opinion: '符合要求' },
      });
      expect(answer.status()).toBe(200);
    }
    // The bar learns of forms saved elsewhere on a reload.
    await page.reload();
    await page.getByTestId('workflow-bar').waitFor();
  }

  async function step(page: Page, action: string, fill?: { comment?: string; reason?: string }): Promise<void> {
    await page.getByTestId(`workflow-${action}`).click();
    const dialog = page.getByRole('dialog');
    if (fill?.comment) await dialog.getByTestId('workflow-comment').fill(fill.comment);
    if (fill?.reason) await dialog.getByTestId('workflow-reason').fill(fill.reason);
    // Submitting asks 仍要报送 when the automated review found problems (issue 17 item 6).
    await dialog.getByRole('button', { name: /确\s*定|仍要报送/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async function expectState(page: Page, text: string): Promise<void> {
    await page.getByTestId('workflow-state').filter({ hasText: text }).waitFor();
    expect(await stateOf(page)).toBe(text);
  }

  async function editTarget(page: Page, value: string): Promise<void> {
    await page
      .getByTestId(`project-${PROJECT}`)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await page.locator('#project_indicators_0_target').fill(value);
    await page.getByTestId('editor-save').click();
  }

  it('unit submits; bureau returns with a comment; unit edits and resubmits; department reviews; bureau approves', async () => {
    const unit = await as('wf-unit');
    await expectState(unit, '草稿');
    expect(await unit.getByTestId('workflow-review').count()).toBe(0);
    await step(unit, 'submit');
    await expectState(unit, '已报送，待主管部门审核');

    const bureau = await as('wf-bureau');
    // The bureau's approval waits for the department: offered disabled, with the reason.
    expect(await bureau.getByTestId('workflow-approve').isDisabled()).toBe(true);
    await step(bureau, 'return', { comment: '满意度指标值偏低，请调整' });
    await expectState(bureau, '已退回修改');

    await unit.reload();
    await expectState(unit, '已退回修改');
    await unit.getByRole('tab', { name: /审核意见/ }).click();
    expect(await unit.getByTestId('workflow-comments').textContent()).toContain('满意度指标值偏低，请调整');
    await editTarget(unit, '≥95%');
    await unit.getByText('已保存').waitFor();
    await step(unit, 'submit', { comment: '已按意见修改' });
    await expectState(unit, '已报送，待主管部门审核');

    const department = await as('wf-dept');
    await recordForms(department);
    await step(department, 'review');
    await expectState(department, '主管部门已审核，待财政批复');

    await recordForms(bureau);
    await step(bureau, 'approve');
    await expectState(bureau, '已批复');
    await bureau.getByRole('tab', { name: /流转记录/ }).click();
    expect(await bureau.getByTestId('workflow-history-entry').count()).toBe(5);
  });

  it("refuses the unit's edit of approved targets; an adjustment reopens them once the bureau agrees", async () => {
    const unit = await as('wf-unit');
    await expectState(unit, '已批复');
    // Approved targets: the unit's 编辑/删除 and 新增项目 disabled with the reason (decision 044) …
    const table = unit.getByTestId(`project-${PROJECT}`);
    await table.waitFor();
    const locked = table.getByTestId('project-actions-locked');
    expect(await locked.getAttribute('data-reason')).toBe('已批复，如需修改请申请调整');
    expect(await locked.getByRole('button', { name: /编\s*辑/ }).isDisabled()).toBe(true);
    await expect
      .poll(() => unit.getByTestId('add-project').getAttribute('data-reason'))
      .toBe('已批复，如需修改请申请调整');
    expect(await unit.getByTestId('add-project').isDisabled()).toBe(true);
    // … and the server refuses the write itself (423 LOCKED), whatever the page shows.
    const projectUrl = `${baseUrl}/api/units/711002/years/2020/projects/${PROJECT}`;
    const read = await unit.request.get(projectUrl);
    const stored = (await read.json()) as { project: TargetsDocument['projects'][number] };
    const { csrfToken } = (await (await unit.request.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
    const changed = {
      ...stored.project,
      indicators: stored.project.indicators.map((indicator, i) =>
        i === 0 ? { ...indicator, target: { raw: '≥99%' } } : indicator,
      ),
    };
    const refused = await unit.request.put(projectUrl, {
      headers: { 'If-Match': read.headers()['etag']!, 'X-CSRF-Token': csrfToken },
      data: changed,
    });
    expect(refused.status()).toBe(423);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      '绩效目标已批复，修改需先提出调整申请',
    );
    const after = (await (await unit.request.get(projectUrl)).json()) as {
      project: TargetsDocument['projects'][number];
    };
    expect(after.project.indicators[0]!.target.raw).toBe('≥95%');
    await step(unit, 'request-adjustment', { reason: '年中预算调整：追加资金 2 万元' });
    // 88号: the request alone unlocks nothing; the targets stay as approved until the bureau agrees.
    await expectState(unit, '调整申请待批准');
    expect(await table.getByTestId('project-actions-locked').getAttribute('data-reason')).toMatch(/调整/);
    const bureau = await as('wf-bureau');
    expect(await bureau.getByTestId('workflow-bar').textContent()).toContain('调整申请：年中预算调整：追加资金 2 万元');
    await step(bureau, 'agree-adjustment');
    await expectState(bureau, '调整中');

    await unit.reload();
    await expectState(unit, '调整中');
    await editTarget(unit, '≥96%');
    await unit.getByText('已保存').waitFor();
    // The approved version stays readable: the change against it is one click away.
    await unit.getByTestId('compare-approved').click();
    const diff = unit.getByRole('dialog').getByTestId('diff-table');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('≥95%');
    expect(await diff.textContent()).toContain('≥96%');
    await unit
      .getByRole('dialog')
      .getByRole('button', { name: /close|关闭/i })
      .click();
    await step(unit, 'submit');
    await expectState(unit, '已报送，待主管部门审核');
  });

  it('shows the difference between the first submission and the approved version, field by field', async () => {
    const bureau = await as('wf-bureau');
    await bureau.getByRole('tab', { name: /版本比较/ }).click();
    // Versions: 1 first submission, 2 resubmission after the return, 3 approval, 4 submission of the adjustment.
    await pickVersion(bureau, 'diff-from', '第1版');
    await pickVersion(bureau, 'diff-to', '第3版');
    await bureau.getByTestId('diff-compare').click();
    const table = bureau.getByTestId('diff-table');
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain('指标值');
    expect(text).toContain('≥90%');
    expect(text).toContain('≥95%');
  });

  it('lists the unit with its state and grade on the bureau overview', async () => {
    const bureau = await as('wf-bureau');
    await bureau.goto(`${baseUrl}/bureau`);
    const overview = bureau.getByTestId('bureau-overview');
    await overview.getByText('711002').waitFor();
    const text = await overview.textContent();
    expect(text).toContain('已报送，待主管部门审核');
    expect(text).toMatch(/[优良中差]/);
    // A batch approval reports each item: this one waits for its department, so it is refused with the reason.
    await overview.getByRole('checkbox', { name: '711002 2020' }).check();
    await overview.getByTestId('batch-approve').click();
    const results = bureau.getByTestId('batch-results');
    await results.waitFor();
    expect(await results.textContent()).toContain('未通过');
    await bureau.keyboard.press('Escape');
    await results.waitFor({ state: 'hidden' });
    // Filtered by the server: a search that matches no unit empties the page and its total.
    await overview.getByPlaceholder('单位编码或名称').fill('没有这个单位');
    await overview.getByPlaceholder('单位编码或名称').press('Enter');
    await expect.poll(() => overview.textContent()).not.toContain('711002');
  });
});
