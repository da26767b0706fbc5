import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookSeedSpending } from '../../../test/evaluation-fixtures.ts';
import {
  assertWebBuilt,
  chooseOption,
  launchChromium,
  openSeedUnitDb,
  screenshotPath,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';
import { readZipSafely } from '../../documents/zip-guard.ts';

const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };
const EDIT = '本年度结果用于下一年度劳模体检预算的安排（浏览器测试）。';

/** 自评报告 on the 自评 page: edit a section at phone size, see the charts, download Word with the edit in it. */
describe('自评报告 (real server, real browser)', () => {
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
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${baseUrl}/units`);
    await signInOnPage(page, UNIT_USER.username, UNIT_USER.password);
    await page.getByTestId('unit-list').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it(
    'edits a section, restores nothing else, and the downloaded Word file carries the edit',
    { timeout: 90_000 },
    async () => {
      await page.goto(`${baseUrl}/units/711002/years/2020/evaluation`);
      const panel = page.getByTestId('self-report');
      await panel.getByTestId('self-report-results-text').waitFor();
      await panel.getByTestId('self-report-spending-chart').locator('svg').waitFor();
      await panel.getByTestId('self-report-completion-chart').locator('svg').waitFor();
      // The department's report by default; switch to a project's.
      await chooseOption(page, panel.getByTestId('self-report-subject'), '市级以上劳模体检费');
      await expect.poll(() => panel.locator('h3').textContent()).toContain('市级以上劳模体检费');

      const text = panel.getByTestId('self-report-results-text');
      await text.fill(EDIT);
      await panel.getByTestId('self-report-results-save').click();
      await page.getByText('已保存').first().waitFor();
      await panel.getByTestId('self-report-results-restore').waitFor();
      await expect(text.inputValue()).resolves.toBe(EDIT);
      await panel.screenshot({ path: screenshotPath('self-report-phone.png') });
      // Phone width: the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByTestId('self-report-docx').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/市级以上劳模体检费.*项目绩效自评报告\.docx$/);
      const parts = await readZipSafely(await readFile((await download.path())!), { fileName: 'r.docx' });
      const xml = parts.get('word/document.xml')!.toString('utf8');
      expect(xml).toContain(EDIT);
      expect(xml).toContain('二、绩效目标及完成情况');
    },
  );
});
