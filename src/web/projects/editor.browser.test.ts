import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionedProject } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import {
  assertWebBuilt,
  clickUntilGone,
  expectNoSeriousViolations,
  newDesktopPage,
  openSeedUnitDb,
  launchChromium,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import { formatTime } from '../workflow/format-time.ts';
import { emptyProjectForm, projectToForm, type ProjectFormValues } from './project-form.ts';
import { indicatorRowSpans } from './table-layout.ts';

/**
 * The project editor shows the project it was opened for, from the server, and nothing else: a
 * cancelled edit of one project never reaches the next project's editor, 新增项目 or a save.
 */
const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };
const FIRST = '711-0701-JBN-PGN6';
const SECOND = '711-0403-JBN-3EQS';
const projectApi = (code: string) => `/api/units/711002/years/2020/projects/${encodeURIComponent(code)}`;

/** The value every field of the form should show, by the input's id (antd: `<form name>_<path>`). */
function expectedFields(values: ProjectFormValues): Record<string, string> {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  const fields: Record<string, string> = {
    project_code: values.code,
    project_name: values.name,
    project_budget_total: values.budget.total,
    project_budget_fiscal: values.budget.fiscal,
    project_budget_other: values.budget.other,
    project_purpose: values.purpose,
  };
  values.spendingPlan.forEach((c, i) => {
    fields[`project_spendingPlan_${i}_month`] = text(c.month);
    fields[`project_spendingPlan_${i}_cumulativePercent`] = text(c.cumulativePercent);
  });
  values.goals.forEach((goal, i) => (fields[`project_goals_${i}`] = goal));
  for (const [key, value] of Object.entries(values.details)) fields[`project_details_${key}`] = value;
  // 一级/二级 have one input per merged run (on its first row), as the official table merges them.
  const spans = indicatorRowSpans(values.indicators);
  values.indicators.forEach((indicator, i) => {
    for (const [key, value] of Object.entries(indicator)) {
      if ((key === 'level1' || key === 'level2') && spans[i]![key] === 0) continue;
      fields[`project_indicators_${i}_${key}`] = value;
    }
  });
  return fields;
}

describe("project editor: never another project's values (real server, real browser)", () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let cookie: string;
  let csrfToken: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    ({ app, baseUrl } = await serveWebApp(db));
    const signedIn = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(UNIT_USER),
    });
    cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    csrfToken = ((await signedIn.json()) as { csrfToken: string }).csrfToken;
    browser = await launchChromium();
    page = await newDesktopPage(browser);
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await page.getByTestId('login-page').waitFor();
    await signInOnPage(page, UNIT_USER.username, UNIT_USER.password);
    await page.getByTestId('project-tables').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const stored = async (code: string) =>
    (await (await fetch(`${baseUrl}${projectApi(code)}`, { headers: { cookie } })).json()) as VersionedProject;
  const drawer = () => page.locator('.ant-drawer-open');

  /** Every input and text area of the open editor's form, by id: what the user sees. */
  async function shownFields(): Promise<Record<string, string>> {
    const form = drawer().locator('form#project');
    await form.waitFor();
    return form.evaluate((element) => {
      const fields: Record<string, string> = {};
      for (const input of element.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'input[id^="project_"], textarea[id^="project_"]',
      ))
        fields[input.id] = input.value;
      return fields;
    });
  }

  async function openEditor(code: string): Promise<void> {
    await page
      .getByTestId(`project-${code}`)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await drawer().waitFor();
  }

  /** Cancel; a changed form asks first, and `discard` answers 放弃修改. */
  async function closeEditor({ discard = false } = {}): Promise<void> {
    await page.getByTestId('editor-cancel').click();
    if (discard) await clickUntilGone(page.getByTestId('discard-confirm'));
    await drawer().waitFor({ state: 'detached' });
  }

  it('after a cancelled edit, shows the next project, then an empty 新增项目, from the server', async () => {
    const first = await stored(FIRST);
    const second = await stored(SECOND);
    await openEditor(FIRST);
    expect(await shownFields()).toEqual(expectedFields(projectToForm(first.project)));
    await page.locator('#project_name').fill('不该出现在别的项目里');
    await page.locator('#project_purpose').fill('取消的修改');
    await page.locator('#project_indicators_0_target').fill('≥1%');
    await closeEditor({ discard: true });

    await openEditor(SECOND);
    expect(await shownFields()).toEqual(expectedFields(projectToForm(second.project)));
    await closeEditor();

    await page.getByRole('button', { name: /新增项目/ }).click();
    await drawer().waitFor();
    expect(await shownFields()).toEqual(expectedFields(emptyProjectForm()));
    await closeEditor();
  });

  it('saves the project it shows and leaves the other one as it was', async () => {
    const first = await stored(FIRST);
    const second = await stored(SECOND);
    await openEditor(FIRST);
    await page.locator('#project_name').fill('又一次取消的修改');
    await closeEditor({ discard: true });

    await openEditor(SECOND);
    expect(await shownFields()).toEqual(expectedFields(projectToForm(second.project)));
    await page.locator('#project_name').fill('劳模荣誉津贴（改）');
    await page.getByTestId('editor-save').click();
    await page.getByText('已保存').waitFor();

    const firstAfter = await stored(FIRST);
    expect(firstAfter).toEqual(first);
    const secondAfter = await stored(SECOND);
    expect(secondAfter.version).toBe(second.version + 1);
    expect(secondAfter.project).toEqual({ ...second.project, name: '劳模荣誉津贴（改）' });
  });

  it('asks before a changed editor is closed (Cancel, X, Esc), the page left (back) or the tab closed, and keeps the edits on stay', async () => {
    // From the unit list into the department inside the app, so that back is the app's own history.
    await page.locator('.app-header a').first().click();
    await page.getByTestId('workbench-units').getByRole('link').click();
    await page.getByRole('link', { name: '2020年' }).click();
    await page.getByTestId('project-tables').waitFor();
    const departmentPath = new URL(page.url()).pathname;
    await openEditor(FIRST);
    const name = page.locator('#project_name');
    await name.fill('尚未保存的名称');
    const question = page.locator('.ant-modal-confirm').filter({ hasText: '有未保存的修改，确定放弃吗？' });
    const stay = async () => {
      await question.waitFor();
      await page.getByTestId('discard-stay').click();
      await question.waitFor({ state: 'detached' });
      await expect(name.inputValue()).resolves.toBe('尚未保存的名称');
    };

    await page.getByTestId('editor-cancel').click();
    await stay();
    await drawer().locator('.ant-drawer-close').click();
    await stay();
    await name.press('Escape');
    await stay();

    // The browser's back button (the drawer's mask covers the header's links; the 自评表 test has those).
    await page.goBack();
    await stay();
    expect(new URL(page.url()).pathname).toBe(departmentPath);

    // Reloading or closing the tab: the browser's own beforeunload prompt (dismissed, so the page stays).
    // A reload from the page, not page.close({ runBeforeUnload }): with Chromium 156 headless that
    // closes the page without the prompt even on a plain page with a beforeunload handler.
    const prompt = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.evaluate(() => window.location.reload());
    expect(await prompt).toBe('beforeunload');
    await expect(name.inputValue()).resolves.toBe('尚未保存的名称');

    await page.goBack();
    await clickUntilGone(page.getByTestId('discard-confirm'));
    await page.getByTestId('unit-list').waitFor();
    expect(await stored(FIRST).then((p) => p.project.name)).not.toBe('尚未保存的名称');
  });

  it("says who changed the project when a save is stale, keeps the edits, and reloads the server's version when asked", async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await page.getByTestId('project-tables').waitFor();
    await openEditor(FIRST);
    const name = page.locator('#project_name');
    await name.fill('我的修改');

    const read = await stored(FIRST);
    const other = await fetch(`${baseUrl}${projectApi(FIRST)}`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'If-Match': `"${read.version}"`,
        cookie,
        'X-CSRF-Token': csrfToken,
      },
      body: JSON.stringify({ ...read.project, purpose: '他人修改的资金用途' }),
    });
    expect(other.status).toBe(200);

    const refused = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(projectApi(FIRST)));
    await page.getByTestId('editor-save').click();
    const body = (await (await refused).json()) as {
      error: { details?: { changedBy: { displayName: string } | null; changedAt: string } };
    };
    const notice = page.getByTestId('conflict-notice');
    // The other session saved as the same user: the notice names that user (decision 023's details).
    // (The browser runs in the test's time zone, so formatTime here prints what the page prints.)
    const changedBy = body.error.details?.changedBy?.displayName;
    expect(changedBy).toBeTruthy();
    await expect(notice.locator('.ant-alert-title').textContent()).resolves.toBe(
      `此记录已被 ${changedBy} 于 ${formatTime(body.error.details!.changedAt)} 修改。您的修改尚未保存。`,
    );
    await expect(name.inputValue()).resolves.toBe('我的修改');

    await page.getByTestId('conflict-dismiss').click();
    await notice.waitFor({ state: 'detached' });
    await expect(name.inputValue()).resolves.toBe('我的修改');

    await page.getByTestId('editor-save').click();
    await page.getByTestId('conflict-reload').click();
    await clickUntilGone(page.getByTestId('discard-confirm'));
    await notice.waitFor({ state: 'detached' });
    const current = await stored(FIRST);
    await expect.poll(shownFields).toEqual(expectedFields(projectToForm(current.project)));
    expect(current.project.purpose).toBe('他人修改的资金用途');
    await closeEditor();
  });

  /** Sends a request as the test's own session (the other user of a conflict, or a setup step). */
  const api = (path: string, method: string, body: unknown, ifMatch?: number) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(ifMatch === undefined ? {} : { 'If-Match': `"${ifMatch}"` }),
        cookie,
        'X-CSRF-Token': csrfToken,
      },
      body: JSON.stringify(body),
    });

  it('edits the project in the official grid: budget cells, a checkpoint, a row under a 二级, a refused value at its cell', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await page.getByTestId('project-tables').waitFor();
    const before = (await stored(SECOND)).project;
    const spans = indicatorRowSpans(before.indicators);
    await openEditor(SECOND);
    const grid = drawer().getByTestId('indicator-grid');
    // 一级 and 二级 merged as on paper: one input per run.
    await expect(grid.locator('[id$="_level1"]').count()).resolves.toBe(spans.filter((s) => s.level1 > 0).length);
    // Every cell's input is named (axe: labels, contrast) in the grid as in the cards.
    await expectNoSeriousViolations(page, 'project editor, grid');

    // 预算数 = 财政资金 + 其他资金, checked in the 预算数 cell as the amounts are typed.
    const totalCell = drawer().locator('td[data-cell="budget.total"]');
    await page.locator('#project_budget_total').fill('30000');
    await page.locator('#project_budget_fiscal').fill('20000');
    await page.locator('#project_budget_other').fill('');
    await expect.poll(() => totalCell.textContent()).toContain('不相等');
    await page.locator('#project_budget_other').fill('10000');
    await expect.poll(() => totalCell.textContent()).not.toContain('不相等');

    // A checkpoint of the plan's one row: a month not yet planned, with its cumulative percent.
    const month = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => !before.spendingPlan.some((c) => c.month === m))!;
    const n = before.spendingPlan.length;
    await drawer().getByTestId('add-checkpoint').click();
    await page.locator(`#project_spendingPlan_${n}_month`).fill(String(month));
    await page.locator(`#project_spendingPlan_${n}_cumulativePercent`).fill('95');

    // 添加 in the first 二级 cell: a row at the end of that group, inside its merged cells.
    await grid.getByTestId('add-under').first().click();
    const added = spans[0]!.level2;
    await expect(grid.locator('td[data-cell="indicators.0.level2"]').getAttribute('rowspan')).resolves.toBe(
      String(added + 1),
    );
    await page.locator(`#project_indicators_${added}_name`).fill('长'.repeat(201));
    await page.locator(`#project_indicators_${added}_target`).fill('≥5人次');
    await page.getByTestId('editor-save').click();
    // The server's refusal is shown in the cell it names, not above the form.
    const nameCell = grid.locator(`td[data-cell="indicators.${added}.name"]`);
    await expect.poll(() => nameCell.locator('.ant-form-item-explain').textContent()).toContain('200');
    await expect(drawer().getByTestId('editor-error').count()).resolves.toBe(0);

    await page.locator(`#project_indicators_${added}_name`).fill('新增的指标');
    await page.getByTestId('editor-save').click();
    await page.getByText('已保存').first().waitFor();
    await drawer().waitFor({ state: 'detached' });
    const after = (await stored(SECOND)).project;
    expect(after.budget).toEqual({ total: '30000.00', fiscal: '20000.00', other: '10000.00' });
    expect(after.spendingPlan).toContainEqual({ month, cumulativePercent: 95 });
    expect(after.indicators).toHaveLength(before.indicators.length + 1);
    expect(after.indicators[added]).toMatchObject({
      level1: before.indicators[0]!.level1,
      level2: before.indicators[0]!.level2,
      name: '新增的指标',
      target: { raw: '≥5人次' },
    });

    // Reloaded, the view and the editor show it.
    await page.reload();
    await page.getByTestId(`project-${SECOND}`).getByText('新增的指标').waitFor();
    await openEditor(SECOND);
    await expect(page.locator(`#project_indicators_${added}_name`).inputValue()).resolves.toBe('新增的指标');
    await closeEditor();
  });

  it('on a phone the sheet stacks and the indicators are one card each, with no sideways page scroll', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const project = (await stored(FIRST)).project;
      await openEditor(FIRST);
      await drawer().getByTestId('indicator-editor').first().waitFor();
      await expect(drawer().getByTestId('indicator-editor').count()).resolves.toBe(project.indicators.length);
      await expect(drawer().getByTestId('indicator-grid').count()).resolves.toBe(0);
      await expectNoSeriousViolations(page, 'project editor, phone');
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        drawer: document.querySelector('.ant-drawer-body')!.scrollWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(390);
      expect(widths.drawer).toBeLessThanOrEqual(390);
      await closeEditor();
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('查看差异 on a stale 自评表 save lists the field in the page’s words, both values', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020/evaluation`);
    await page.getByTestId('evaluation-page').waitFor();
    const evaluationApi = '/api/units/711002/years/2020/evaluation';
    const read = (await (await fetch(`${baseUrl}${evaluationApi}`, { headers: { cookie } })).json()) as {
      version: number;
      projects: { code: string; name: string; indicators: { name: string }[] }[];
    };
    const project = read.projects[0]!;
    const indicator = project.indicators[0]!.name;
    // Someone else saves an actual for the first indicator after this page read the 自评表.
    const other = await api(
      evaluationApi,
      'PUT',
      { projects: [{ code: project.code, indicators: [{ name: indicator, actual: '70%' }] }] },
      read.version,
    );
    expect(other.status, await other.clone().text()).toBe(200);

    await page.getByTestId(`evaluation-${project.code}`).getByLabel(`${indicator} 实际完成值`).fill('96%');
    await page.getByRole('button', { name: '保存并计分' }).click();
    await page.getByTestId('conflict-notice').waitFor();
    await page.getByTestId('conflict-diff').click();
    const row = page
      .getByTestId('conflict-differences')
      .locator('tr')
      .filter({ hasText: `${project.name} · ${indicator} · 实际完成值` });
    await expect(row.locator('td').allTextContents()).resolves.toEqual([
      `${project.name} · ${indicator} · 实际完成值`,
      '96%',
      '70%',
    ]);
  });

  it('on submitted targets, 编辑 and 删除 stay in place, disabled with the reason', async () => {
    const submitted = await api('/api/units/711002/years/2020/workflow/submit', 'POST', {});
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    const locked = page.getByTestId(`project-${FIRST}`).getByTestId('project-actions-locked');
    await locked.waitFor();
    await expect(locked.getAttribute('data-reason')).resolves.toMatch(/主管部门/);
    await expect(locked.getByRole('button', { name: /编\s*辑/ }).isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('add-project').isDisabled()).resolves.toBe(true);
  });
});
