import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  clickUntilGone,
  launchChromium,
  newDesktopPage,
  openSeedUnitDb,
  seriousViolations,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import { chineseOutsideUserData, userDataTexts } from '../../../test/walk.ts';
import type { Db } from '../../db/database.ts';

/*
 * 结果应用 (decision 048), real server and browser: the bureau issues a 整改通知 from a unit-year's results
 * page, the unit finds it on its workbench and answers with a file from a phone-sized screen, the bureau sees
 * the answer in its results list and closes it.
 */
const UNIT_RESULTS = '/units/711002/years/2020/results';
const PDF = Buffer.from('%PDF-1.4\n% 补检名单\n', 'utf8');

describe('rectification notices (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  const signedIn = async (username: string, password: string, phone = false): Promise<Page> => {
    const page = await newDesktopPage(browser);
    if (phone) await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/`);
    await signInOnPage(page, username, password);
    await page.getByTestId('login-username').waitFor({ state: 'detached' });
    return page;
  };

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('bureau issues, the unit replies with evidence on a phone, the bureau sees it and closes it', async () => {
    const bureau = await signedIn('czj', 'demo-czj-2020');
    await bureau.getByRole('link', { name: '结果应用' }).click();
    await bureau.getByTestId('results-page').waitFor();
    await bureau.goto(`${baseUrl}${UNIT_RESULTS}`);
    await bureau.getByTestId('notice-issue').click();
    const dialog = bureau.getByTestId('notice-dialog');
    await dialog.getByTestId('notice-body').fill('免费健康体检率未达到目标');
    await dialog.getByTestId('notice-requirement').fill('组织补检并报送名单');
    await dialog.getByTestId('notice-deadline').click();
    await bureau.locator('.ant-picker-dropdown:visible .ant-picker-header-super-next-btn').click();
    await bureau.locator('.ant-picker-dropdown:visible td.ant-picker-cell-in-view').first().click();
    await clickUntilGone(bureau.locator('.ant-modal-footer .ant-btn-primary'));
    await expect(bureau.getByTestId('notice-card').textContent()).resolves.toContain('组织补检并报送名单');

    const unit = await signedIn('zgh', 'demo-zgh-2020', true);
    const item = unit.locator('[data-kind="rectification-reply"]');
    await item.getByRole('link').click();
    await unit.getByTestId('unit-results-page').waitFor();
    await unit
      .locator('input[type="file"]')
      .setInputFiles({ name: '补检名单.pdf', mimeType: 'application/pdf', buffer: PDF });
    await unit.getByRole('link', { name: '补检名单.pdf' }).waitFor();
    await unit.getByTestId('notice-reply-text').fill('已组织补检 12 人，名单见附件');
    await unit.getByTestId('notice-done').click();
    await unit.getByTestId('notice-reply').waitFor();
    const overflow = await unit.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await bureau.goto(`${baseUrl}/bureau/results`);
    const row = bureau.locator('.ant-table-row', { hasText: '711002' });
    await expect(row.textContent()).resolves.toContain('已整改 1');
    await row.getByRole('link').click();
    await expect(bureau.getByTestId('notice-reply').textContent()).resolves.toContain('已组织补检 12 人');
    await bureau.getByTestId('notice-close').click();
    await clickUntilGone(bureau.locator('.ant-modal-confirm .ant-btn-primary'));
    await bureau.locator('.ant-tag', { hasText: '已销号' }).waitFor();
    await unit.close();
    await bureau.close();
  });

  it('words the unit-year results page in English (no Chinese outside user data, no serious axe violation)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await page.goto(`${baseUrl}/`);
    await page.getByText('English', { exact: true }).click();
    await signInOnPage(page, 'czj', 'demo-czj-2020');
    await page.getByTestId('user-menu').waitFor();
    await page.goto(`${baseUrl}${UNIT_RESULTS}`);
    await page.getByTestId('notice-card').waitFor();
    const typed = ['免费健康体检率未达到目标', '组织补检并报送名单', '已组织补检 12 人，名单见附件', '补检名单.pdf'];
    const userData = [...typed, ...(await userDataTexts(db))];
    expect(await chineseOutsideUserData(page, userData)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
