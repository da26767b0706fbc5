import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSeedSpending } from '../../../test/evaluation-fixtures.ts';
import {
  assertWebBuilt,
  expectNoSeriousViolations,
  launchChromium,
  newDesktopPage,
  openSeedUnitDb,
  serveWebApp,
  signInOnPage,
  watchPage,
} from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';

/**
 * 部门整体绩效 in the browser (decision 045): the unit generates its overall indicators from the goal text and
 * saves them, fills in and submits the 整体自评表 (inline errors first), the department returns it with a
 * comment, and the unit sees the comment on its reopened draft.
 */
describe('部门整体支出绩效自评表 (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  const url = () => `${baseUrl}/units/711002/years/2020/department-evaluation`;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    await bookSeedSpending(db, '711002', 2020);
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('generates indicators, fills and submits the form; the department returns it; the unit reads the comment', async () => {
    const watch = watchPage(page);
    // The submit with gaps is a 400 the page shows at the fields; signing in starts from a 401.
    watch.expect(/department-evaluation$/);
    watch.expect(/\/api\/(session|auth)/);
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await signInOnPage(page, 'zgh', 'demo-zgh-2020');
    const card = page.getByTestId('overall-indicators');
    await card.waitFor();
    await card.getByTestId('overall-generate').click();
    await expect.poll(() => card.getByTestId('overall-0-name').inputValue()).not.toBe('');
    await card.getByTestId('overall-budget-fiscal').fill('500000');
    await card.getByTestId('overall-save').click();
    await page.getByText('整体指标已保存').first().waitFor();

    await card.getByTestId('dept-eval-link').click();
    await page.getByTestId('dept-eval-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/units/711002/years/2020/department-evaluation');
    await expect(page.getByTestId('budget-fiscal-initial').inputValue()).resolves.toBe('500000.00');

    // Submitting with nothing scored shows the gaps at their fields.
    await page.getByTestId('dept-eval-submit').click();
    await page.getByTestId('dept-eval-gaps').waitFor();
    await page.getByTestId('indicator-0-actual').locator('..').locator('.field-error').first().waitFor();

    await page.getByTestId('budget-fiscal-adjusted').fill('500000');
    await page.getByTestId('budget-fiscal-spent').fill('480000');
    // Each target met exactly: its own number and unit ("达到60家" → "60家").
    const rows = page.locator('[data-testid="dept-eval-indicators"] tr.ant-table-row');
    for (let k = 0; k < (await rows.count()); k++) {
      const target = (await rows.nth(k).locator('td').nth(3).textContent()) ?? '';
      const actual = /\d+(?:\.\d+)?\D*$/.exec(target)?.[0] ?? '达到';
      await page.getByTestId(`indicator-${k}-actual`).fill(actual.replace(/(以上|以内|以下)$/, ''));
    }
    for (let i = 0; i < 4; i++) await page.getByTestId(`management-${i}-score`).fill('5');
    await page.getByTestId('dept-eval-save').click();
    await page.getByText('已保存').first().waitFor();
    // A met target without a number needs the evaluator's band: choose 达成 wherever it is asked.
    const bands = page.locator('[data-testid="dept-eval-indicators"] .ant-select');
    for (let b = 0; b < (await bands.count()); b++) {
      await bands.nth(b).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^达成$/ }).click();
    }
    await page.getByTestId('dept-eval-submit').click();
    await expect.poll(() => page.getByTestId('dept-eval-status').textContent()).toBe('已提交（待主管部门审核）');

    // The department returns it with a comment.
    await page.context().clearCookies();
    await page.goto(url());
    await signInOnPage(page, 'zgb', 'demo-zgb-2020');
    await page.getByTestId('dept-eval-page').waitFor();
    await expect(page.getByTestId('dept-eval-return').isDisabled()).resolves.toBe(true);
    await page.getByTestId('dept-eval-comment').fill('请补充资产清查情况');
    await page.getByTestId('dept-eval-return').click();
    await expect.poll(() => page.getByTestId('dept-eval-status').textContent()).toBe('草稿');

    // The unit sees the comment on its draft, editable again.
    await page.context().clearCookies();
    await page.goto(url());
    await signInOnPage(page, 'zgh', 'demo-zgh-2020');
    await page.getByTestId('dept-eval-review-comment').waitFor();
    await expect(page.getByTestId('dept-eval-review-comment').textContent()).resolves.toContain('请补充资产清查情况');
    await expect(page.getByTestId('dept-eval-submit').isEnabled()).resolves.toBe(true);
    await expectNoSeriousViolations(page, 'department evaluation page');
    // Phone width: the tables scroll inside their cards, the page itself does not scroll sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
      .toBeLessThanOrEqual(0);
    expect(watch.problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
  });
});
