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
    await page.goto(`${baseUrl}/`);
    await signInOnPage(page, UNIT_USER.username, UNIT_USER.password);
    await page.getByTestId('unit-list').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const block = (code: string) => page.getByTestId(`evaluation-${code}`);

  it('enters the actuals, scores them, refuses to finalise without analyses, then finalises', async () => {
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
    await page.getByText('已保存，得分已重新计算').waitFor();
    // 80 % spent → 8; 50 % examined → 50 × 50/90 + 30 × 50/90; 92 % → 10: 562/9 = 62.44
    await expect(block(MQNI).getByTestId('project-score').textContent()).resolves.toBe('62.44');
    await expect(block(MQNI).getByTestId('project-grade').textContent()).resolves.toBe('中');
    // (499/5 + 898/9 + 562/9 + 100) / 4 = 16291/180 = 90.505… → 90.51
    await expect(page.getByTestId('mean-score').textContent()).resolves.toBe('90.51');

    await page
      .getByRole('button', { name: '定 稿' })
      .or(page.getByRole('button', { name: '定稿' }))
      .click();
    await page
      .getByText(/自评表尚不能定稿/)
      .first()
      .waitFor();

    for (const project of DEMO_EVALUATION.projects) {
      if (project.executionReason) await block(project.code).getByLabel('执行率偏低原因').fill(project.executionReason);
      for (const indicator of project.indicators) {
        if (indicator.deviationReason)
          await block(project.code).getByLabel(`${indicator.name} 偏差原因`).fill(indicator.deviationReason);
      }
    }
    await page
      .getByRole('button', { name: '定 稿' })
      .or(page.getByRole('button', { name: '定稿' }))
      .click();
    await page.getByText('自评表已定稿').waitFor();
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
