import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PageWatch,
  assertWebBuilt,
  clickUntilGone,
  launchChromium,
  openSeedUnitDb,
  serveWebApp,
  settle,
  signInOnPage,
  watchPage,
} from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';

/**
 * The bureau's screens for people (issue 17 item 7): a policy edited as a form, the change shown and
 * confirmed before it is stored, a reset that asks first, and the audit log finding the change in words.
 */
describe('规则设置 as forms and 审计日志 in plain words (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    watch = watchPage(page);
    await page.goto(`${baseUrl}/`);
    await signInOnPage(page, 'czj', 'demo-czj-2020');
    await page.getByTestId('overview-link').getByRole('link', { name: '规则设置' }).click();
    await page.getByTestId('policies-page').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const graceDays = () => page.getByRole('spinbutton', { name: '逾期宽限天数' });
  const openMonitoring = async () => {
    await page.getByRole('tab', { name: '运行监控' }).click();
    await graceDays().waitFor();
    await settle(page, watch);
  };

  it('edits a number, shows what changes, saves it; a reload shows it', async () => {
    await openMonitoring();
    expect(await graceDays().inputValue()).toBe('0');
    await graceDays().fill('5');
    await page.getByTestId('policy-form-monitoring').getByTestId('policy-save').click();
    const diff = page.getByTestId('policy-diff');
    await diff.waitFor();
    expect((await diff.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      '逾期宽限天数 0 天 5 天',
    ]);
    await clickUntilGone(page.getByTestId('policy-confirm'));
    await page.getByText('已保存').waitFor();
    await page.reload();
    await openMonitoring();
    expect(await graceDays().inputValue()).toBe('5');
  });

  it('refuses an out-of-range value inline, naming the field', async () => {
    await graceDays().fill('500');
    await page.getByTestId('policy-form-monitoring').getByTestId('policy-save').click();
    await page.getByText('逾期宽限天数应在 0 至 120 之间').waitFor();
    expect(await page.getByTestId('policy-diff').count()).toBe(0);
    await graceDays().fill('5');
  });

  it('checks the scoring points add up to 100 before anything is sent', async () => {
    await page.getByRole('tab', { name: '绩效评分' }).click();
    const execution = page.getByRole('spinbutton', { name: '预算执行率' });
    await execution.waitFor();
    await settle(page, watch);
    await execution.fill('20');
    await page.getByTestId('policy-weight-total').getByText('合计 110 分，须为 100 分').waitFor();
    await page.getByTestId('policy-form-scoring').getByTestId('policy-save').click();
    await page
      .getByTestId('policy-problems')
      .getByText(/分值合计应为 100/)
      .waitFor();
    expect(await page.getByTestId('policy-diff').count()).toBe(0);
    await execution.fill('10');
    await page.getByTestId('policy-weight-total').getByText('合计 100 分').waitFor();
    await page.getByRole('tab', { name: '运行监控' }).click();
  });

  it('asks before going back to the defaults, showing the same diff', async () => {
    await page.getByTestId('policy-form-monitoring').getByTestId('policy-reset').click();
    const diff = page.getByTestId('policy-diff');
    await diff.waitFor();
    expect(await diff.locator('tbody tr').first().innerText()).toMatch(/逾期宽限天数\s+5 天\s+0 天/);
    await clickUntilGone(page.getByTestId('policy-confirm'));
    await page.getByText('已保存').first().waitFor();
    await page.waitForFunction(
      () => (document.querySelector('[aria-label="逾期宽限天数"]') as HTMLInputElement | null)?.value === '0',
    );
  });

  it('finds the change in the audit log, in plain words, filtered by user', async () => {
    await page.getByTestId('overview-link').getByRole('link', { name: '审计日志' }).click();
    await page.getByTestId('audit-log-page').waitFor();
    await settle(page, watch);
    await page.getByTestId('audit-filter-user').fill('财政局');
    await page.getByTestId('audit-search').click();
    await settle(page, watch);
    const entries = await page.getByTestId('audit-entry').allInnerTexts();
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatch(
      /^山海关区财政局（czj） 于 \d{4}-\d\d-\d\d \d\d:\d\d 修改了 规则设置 SHG-CZJ（运行监控）/,
    );
    expect(entries[1]).toContain('将“逾期宽限天数”从 0 天 改为 5 天');
    expect(entries[0]).toContain('将“逾期宽限天数”从 5 天 改为 0 天');
    expect(entries.join('\n')).not.toMatch(/put-policy|graceDays|\{"/);
    const href = await page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    expect(href).toBe('/api/audit.xlsx?user=%E8%B4%A2%E6%94%BF%E5%B1%80');
    expect(watch.problems).toEqual([]);
  });

  it('edits a management item of the department-wide evaluation, saves it; a reload shows it', async () => {
    const firstPoints = () =>
      page.getByTestId('policy-rows-managementItems').getByRole('spinbutton', { name: '分值' }).first();
    const open = async () => {
      await page.getByRole('tab', { name: '部门整体评价' }).click();
      await firstPoints().waitFor();
      await settle(page, watch);
    };
    await page.goto(`${baseUrl}/bureau/policies`);
    await open();
    expect(await firstPoints().inputValue()).toBe('5');
    await firstPoints().fill('8');
    await page.getByTestId('policy-form-department-evaluation').getByTestId('policy-save').click();
    const diff = page.getByTestId('policy-diff');
    await diff.waitFor();
    const row = (await diff.locator('tbody tr').first().innerText()).replace(/\s+/g, ' ');
    expect(row).toMatch(/^管理指标 编码 budget-preparation，名称 预算编制，分值 5 分，评分说明 .+分值 8 分/);
    await clickUntilGone(page.getByTestId('policy-confirm'));
    await page.getByText('已保存').waitFor();
    await page.reload();
    await open();
    expect(await firstPoints().inputValue()).toBe('8');
    expect(watch.problems).toEqual([]);
  });

  it('fits a phone: no page wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    // The page open before the resize re-lays out in the next frames (the header moves its links to the drawer).
    await expect.poll(overflow, { timeout: 5000 }).toBeLessThanOrEqual(0);
    await page.goto(`${baseUrl}/bureau/policies`);
    await openMonitoring();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByRole('tab', { name: '部门整体评价' }).click();
    await page.getByTestId('policy-rows-managementItems').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(`${baseUrl}/bureau/audit`);
    await page.getByTestId('audit-entry').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(watch.problems).toEqual([]);
  });
});
