import type { FastifyInstance } from 'fastify';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { setUnitParent, upsertOrganisation } from '../../db/organisations.repo.ts';
import { type Role, SYSTEM_ACTOR } from '../../domain/access.ts';
import { createUser } from '../../usecases/create-user.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { transitionTargets } from '../../usecases/transition-targets.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import {
  assertWebBuilt,
  launchChromium,
  openMemoryDb,
  screenshotPath,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';

const PASSWORD = 'opinion-test-2020';
const PROJECT = '711-0701-JBN-PGN6';
const REVIEW_PATH = '/units/711002/years/2020/review';
const API = '/api/units/711002/years/2020';

const USERS: { username: string; role: Role; orgCode: string }[] = [
  { username: 'op-dept', role: 'department', orgCode: '711' },
  { username: 'op-bureau', role: 'bureau', orgCode: 'SHG-CZJ' },
];

/** The 绩效目标审核意见表 (财预〔2015〕88号): 差 stops the department's review until the grade changes. */
describe('review opinion forms (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;
  const projects = seedDocument().projects.map((p) => p.code);

  beforeAll(async () => {
    assertWebBuilt();
    db = await openMemoryDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await upsertOrganisation(db.kysely, { code: 'SHG-CZJ', name: '财政局', kind: 'bureau', parentCode: null });
    const department = await upsertOrganisation(db.kysely, {
      code: '711',
      name: '总工会（部门）',
      kind: 'department',
      parentCode: 'SHG-CZJ',
    });
    await setUnitParent(db.kysely, '711002', department);
    for (const user of USERS)
      await createUser(db, SYSTEM_ACTOR, { ...user, displayName: user.username, password: PASSWORD });
    await transitionTargets(db, SYSTEM_ACTOR, { unitCode: '711002', fiscalYear: 2020, action: 'submit' });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${baseUrl}${REVIEW_PATH}`);
    await signInOnPage(page, username, PASSWORD);
    await page.getByTestId('opinion-section').waitFor();
    return page;
  }

  /** Records 优 on every item but `skip` through the API: the form itself is walked once per level below. */
  async function recordOthersExcellent(page: Page, skip: string): Promise<void> {
    const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
    for (const projectCode of [...projects, null].filter((code) => code !== skip)) {
      const grades = { completeness: '优', relevance: '优', appropriateness: '优', feasibility: '优', overall: '优' };
      const answer = await page.request.put(`${baseUrl}${API}/review-opinions`, {
        headers: { 'X-CSRF-Token': csrfToken },
        data: { projectCode, ...grades, opinion: '符合要求' },
      });
      expect(answer.status()).toBe(200);
    }
  }

  async function grade(form: Locator, criterion: string, value: string): Promise<void> {
    await form.getByTestId(`opinion-${criterion}`).locator('label', { hasText: value }).click();
  }

  /** The collapse panel of the project under test: its forms and its suggestions. */
  const panelOf = (page: Page) =>
    page.locator('.ant-collapse-item', { has: page.getByTestId(`opinion-item-${PROJECT}`) });

  async function openItem(page: Page, code: string): Promise<Locator> {
    await page.getByTestId(`opinion-item-${code}`).click();
    const form = page.getByTestId(`opinion-form-${code}`);
    await form.waitFor();
    return form;
  }

  it('refuses the review while a project is graded 差, and lets it pass once it is 优; the bureau then approves', async () => {
    const department = await signedIn('op-dept');
    await recordOthersExcellent(department, PROJECT);
    const form = await openItem(department, PROJECT);
    // A finding beside the form lands in the opinion with its location.
    await panelOf(department).getByTestId('opinion-use-finding').first().click();
    await expect.poll(() => form.getByTestId('opinion-text').inputValue()).toMatch(/^【.+】/);
    await form.getByTestId('opinion-text').fill('目标与项目内容不符，测算依据不足');
    for (const criterion of ['completeness', 'relevance', 'appropriateness', 'feasibility'])
      await grade(form, criterion, '差');
    await grade(form, 'overall', '差');
    expect(await form.getByTestId('opinion-consequence').textContent()).toBe('差：不得进入预算编制');
    await form.getByTestId('opinion-save').click();
    await department.getByText('审核意见表已保存').waitFor();

    // The review button waits, with the item and why listed; the server refuses the same step.
    const blocking = department.getByTestId('opinion-blocking');
    await expect.poll(() => blocking.textContent()).toContain('不得进入预算编制');
    expect(await department.getByTestId('opinion-blocking-item').count()).toBe(1);
    expect(await department.getByTestId('workflow-review').isDisabled()).toBe(true);
    const { csrfToken } = (await (await department.request.get(`${baseUrl}/api/session`)).json()) as {
      csrfToken: string;
    };
    const refused = await department.request.post(`${baseUrl}${API}/workflow/review`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: {},
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('差');

    // 良 asks for the consultation; 优 lets the review through.
    await grade(form, 'overall', '良');
    await form.getByTestId('opinion-consultation').waitFor();
    await grade(form, 'overall', '优');
    expect(await form.getByTestId('opinion-consultation').count()).toBe(0);
    await form.getByTestId('opinion-save').click();
    await blocking.waitFor({ state: 'detached' });
    await department.getByTestId('workflow-review').click();
    await department
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await department.getByTestId('workflow-state').filter({ hasText: '主管部门已审核，待财政批复' }).waitFor();

    // The bureau reads the department's form beside its own, records 优 and approves.
    const bureau = await signedIn('op-bureau');
    await recordOthersExcellent(bureau, PROJECT);
    const bureauForm = await openItem(bureau, PROJECT);
    const departmentForm = bureau.getByTestId('opinion-readonly-department').first();
    expect(await departmentForm.textContent()).toContain('目标与项目内容不符');
    // What was typed over the suggestion is what was kept: the suggestion is not written in again.
    expect(await departmentForm.textContent()).not.toContain('【');
    await bureauForm.getByTestId('opinion-text').fill('同意主管部门意见');
    for (const criterion of ['completeness', 'relevance', 'appropriateness', 'feasibility', 'overall'])
      await grade(bureauForm, criterion, '优');
    await bureau.getByTestId('opinion-section').screenshot({ path: screenshotPath('review-opinion.png') });
    // At phone width the form and the suggestions stack.
    await bureau.setViewportSize({ width: 390, height: 800 });
    const formBox = (await bureauForm.boundingBox())!;
    const asideBox = (await panelOf(bureau).getByTestId('opinion-suggestions').boundingBox())!;
    expect(asideBox.y).toBeGreaterThanOrEqual(formBox.y + formBox.height);
    await bureau.getByTestId('opinion-section').screenshot({ path: screenshotPath('review-opinion-390.png') });
    await bureau.setViewportSize({ width: 1280, height: 900 });
    await bureauForm.getByTestId('opinion-save').click();
    await bureau.getByText('审核意见表已保存').waitFor();
    await expect.poll(() => bureau.getByTestId('workflow-approve').isDisabled()).toBe(false);
    await bureau.getByTestId('workflow-approve').click();
    await bureau
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await bureau.getByTestId('workflow-state').filter({ hasText: '已批复' }).waitFor();

    // Every form is kept: the department's 差 and 优 of this round, and the bureau's.
    await bureau
      .getByTestId('opinion-history')
      .getByText(/审核意见表历史/)
      .click();
    expect(await bureau.getByTestId('opinion-history').textContent()).toContain('第1轮 · 主管部门（6份）');
  });
});
