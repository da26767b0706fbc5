import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { buildServer } from '../../server/app.ts';
import { loadDemoDataIfEmpty } from '../../usecases/load-demo-data.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
// A build of one's own can be pointed at while others rebuild dist/web on a shared machine.
const WEB_ROOT = process.env.JIXIAO_TEST_WEB_ROOT ?? resolve(ROOT, 'dist/web');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };

describe('自评表 and 监控表 downloads (real server, real browser, demo year)', () => {
  let db: Awaited<ReturnType<typeof openDatabase>>;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    if (!existsSync(resolve(WEB_ROOT, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` (npm run test:browser does)');
    db = await openDatabase({ memory: true });
    await loadDemoDataIfEmpty(db);
    app = await buildServer({ db, webRoot: WEB_ROOT });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('login-username').fill(UNIT_USER.username);
    await page.getByTestId('login-password').fill(UNIT_USER.password);
    await page.getByTestId('login-submit').click();
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
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluation-download-docx').click()]);
    expect(download.suggestedFilename()).toBe('秦皇岛市山海关区总工会2020年度项目支出绩效自评表.docx');
    expect(await download.failure()).toBeNull();
  });

  it('downloads the 监控表 as of the month chosen on the page', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020/monitoring`);
    await page.getByTestId('monitoring-downloads').waitFor();
    expect(await page.getByTestId('monitoring-download-xlsx').getAttribute('href')).toBe('/api/units/711002/years/2020/monitoring.xlsx?asOfMonth=12');
    await page.getByLabel('数据截至').click({ force: true });
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^7月底$/ }).first().click();
    await expect.poll(() => page.getByTestId('monitoring-download-xlsx').getAttribute('href')).toBe('/api/units/711002/years/2020/monitoring.xlsx?asOfMonth=7');
    await expect(page.getByTestId('monitoring-downloads').textContent()).resolves.toContain('截至7月');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('monitoring-download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('秦皇岛市山海关区总工会2020年度绩效运行监控表.xlsx');
    expect(await download.failure()).toBeNull();
  });
});
