import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';
import {
  assertWebBuilt,
  chooseOption,
  launchChromium,
  openMemoryDb,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';

const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };

describe('自评表 and 监控表 downloads (real server, real browser, demo year)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openMemoryDb();
    await loadDemoDataIfEmpty(db);
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
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

  it('downloads the 自评表 as Word under its Chinese name', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020/evaluation`);
    await page.getByTestId('evaluation-downloads').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('evaluation-download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('秦皇岛市山海关区总工会2020年度项目支出绩效自评表.docx');
    expect(await download.failure()).toBeNull();
  });

  it('downloads the 监控表 as of the month chosen on the page', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020/monitoring`);
    await page.getByTestId('monitoring-downloads').waitFor();
    expect(await page.getByTestId('monitoring-download-xlsx').getAttribute('href')).toBe(
      '/api/units/711002/years/2020/monitoring.xlsx?asOfMonth=12',
    );
    await chooseOption(page, page.locator('.ant-select', { has: page.getByLabel('数据截至') }), /^7月底$/);
    await expect
      .poll(() => page.getByTestId('monitoring-download-xlsx').getAttribute('href'))
      .toBe('/api/units/711002/years/2020/monitoring.xlsx?asOfMonth=7');
    await expect(page.getByTestId('monitoring-downloads').textContent()).resolves.toContain('截至7月');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('monitoring-download-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('秦皇岛市山海关区总工会2020年度绩效运行监控表.xlsx');
    expect(await download.failure()).toBeNull();
  });
});
