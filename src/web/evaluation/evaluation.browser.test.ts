import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSeedSpending } from '../../../test/evaluation-fixtures.ts';
import type { Db } from '../../db/database.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import {
  assertWebBuilt,
  chooseOption,
  newDesktopPage,
  openSeedUnitDb,
  launchChromium,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? resolve(ROOT, 'docs/screenshots/evaluation-page.png')
  : resolve(ROOT, 'test-results/evaluation-page.png');
const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };
const MQNI = '711-0403-JBN-MQNI';
const NO_NUMBER = '711-0403-JBN-3EQS';

describe('自评表 (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    await bookSeedSpending(db, '711002', 2020);
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await newDesktopPage(browser);
    await page.goto(`${baseUrl}/units`);
    await signInOnPage(page, UNIT_USER.username, UNIT_USER.password);
    await page.getByTestId('unit-list').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const block = (code: string) => page.getByTestId(`evaluation-${code}`);

  it('enters the actuals and a band, scores them, refuses to submit without analyses, then submits and locks', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await page.getByTestId('open-evaluation').click();
    await page.getByTestId('evaluation-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/units/711002/years/2020/evaluation');
    await expect(block(MQNI).getByTestId('execution-rate').textContent()).resolves.toBe('80.00%');

    for (const project of DEMO_EVALUATION.projects) {
      for (const indicator of project.indicators) {
        // A worse 体检 year than the demo's, so that the project lands in 中 and is flagged.
        const actual = project.code === MQNI && indicator.actual === '80%' ? '50%' : indicator.actual;
        await block(project.code)
          .getByLabel(`${indicator.name} 实际完成值`)
          .fill(actual ?? '');
      }
    }
    await page.getByRole('button', { name: '保存并计分' }).click();
    await page.getByText('已保存，得分已重新计算').first().waitFor();
    // 补助个人数量 has no number in its target (“… 个”): the evaluator chooses the band (10号).
    const row = block(NO_NUMBER).getByTestId('indicator-补助个人数量');
    await expect(row.getByTestId('indicator-points').textContent()).resolves.toBe('须由评价人选择档次');
    await chooseOption(page, row.locator('.ant-select'), '达成');
    await row.getByLabel('补助个人数量 评分理由').fill('全年按名单足额发放，补助人数与计划一致');
    await page.getByRole('button', { name: '保存并计分' }).click();
    await expect.poll(() => row.getByTestId('indicator-points').textContent()).not.toBe('须由评价人选择档次');
    // 80 % spent → 8; 50 % examined → 50 × 50/90 + 30 × 50/90; 92 % → 10: 562/9 = 62.44
    await expect(block(MQNI).getByTestId('project-score').textContent()).resolves.toBe('62.44');
    await expect(block(MQNI).getByTestId('project-grade').textContent()).resolves.toBe('中');
    // (499/5 + 898/9 + 562/9 + 100) / 4 = 16291/180 = 90.505… → 90.51
    await expect(page.getByTestId('mean-score').textContent()).resolves.toBe('90.51');

    const submit = page.getByRole('button', { name: '提交审核' });
    await submit.click();
    await page
      .getByText(/自评表尚不能提交/)
      .first()
      .waitFor();

    for (const project of DEMO_EVALUATION.projects) {
      if (project.executionReason) await block(project.code).getByLabel('执行率偏低原因').fill(project.executionReason);
      for (const indicator of project.indicators) {
        if (indicator.deviationReason)
          await block(project.code).getByLabel(`${indicator.name} 偏差原因`).fill(indicator.deviationReason);
      }
    }
    await submit.click();
    await page.getByText('自评表已提交，等待主管部门审核').waitFor();
    await expect(page.getByTestId('evaluation-status').textContent()).resolves.toBe('已提交，待主管部门审核');
    // Locked: no save button, the inputs read-only.
    await expect(page.getByRole('button', { name: '保存并计分' }).count()).resolves.toBe(0);
    await expect(block(MQNI).getByLabel('免费健康体检率 实际完成值').isDisabled()).resolves.toBe(true);
    await page.evaluate(() => document.fonts.ready);
    // The picture shows the finished 自评表, not the toasts of the steps that led there.
    await page.evaluate(() => document.querySelectorAll('.ant-message').forEach((node) => node.remove()));
    await mkdir(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows the grade on the department page and marks 中 for the budget discussion', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    const row = page.getByTestId(`history-${MQNI}`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('本年自评 62.44 中');
    expect(text).toContain('纳入预算安排讨论');
  });
});
