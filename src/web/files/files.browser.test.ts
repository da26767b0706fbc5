import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisations } from '../../../test/api-client.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import type { Db } from '../../db/database.ts';
import { readTargetsXlsx, writeTargetsXlsx } from '../../documents/xlsx/index.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { createDemoUsers } from '../../usecases/create-demo-users.ts';
import { getTargets } from '../../usecases/get-targets.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { assertWebBuilt, launchChromium, openMemoryDb, serveWebApp, signInOnPage } from '../../../test/browser.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = resolve(ROOT, 'test/fixtures/shanhaiguan-2020.expected.json');

describe('document downloads, upload with preview, bulk export (real server, real browser)', () => {
  let seed: TargetsDocument;
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    seed = JSON.parse(await readFile(SEED, 'utf8')) as TargetsDocument;
    db = await openMemoryDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
    await seedOrganisations(db);
    await createDemoUsers(db);
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  async function signInAs(username: string, password: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${baseUrl}/units`);
    await page.getByTestId('login-page').waitFor();
    await signInOnPage(page, username, password);
    await page.getByTestId('unit-list').waitFor();
  }

  it('downloads the Excel export of the unit-year', { timeout: 120_000 }, async () => {
    await signInAs('zgh', 'demo-zgh-2020');
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    await page.getByTestId('document-bar').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('秦皇岛市山海关区总工会2020年绩效目标.xlsx');
    const { document } = await readTargetsXlsx(await readFile((await download.path())!), { fileName: 'download.xlsx' });
    expect(document).toEqual({ ...seed, fiscalYear: 2020 });
  });

  it('previews an upload with its review before saving, and saves on confirm', { timeout: 120_000 }, async () => {
    const edited = structuredClone(seed);
    edited.projects[0]!.name = '上传后的项目名称';
    const file = {
      name: '修改后.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await writeTargetsXlsx(edited),
    };
    await page.getByTestId('open-upload').click();
    await page
      .locator('[data-testid="upload-input"] input[type=file], .ant-upload input[type=file]')
      .first()
      .setInputFiles(file);
    await page.getByTestId('upload-preview').waitFor();
    expect(await page.getByTestId('upload-preview').textContent()).toContain('上传后的项目名称');
    expect(await page.getByTestId('upload-grade').textContent()).toMatch(/审核结果：[优良中差]/);
    // Previewed, not saved.
    expect((await getTargets(db, { unitCode: '711002', fiscalYear: 2020 })).document.projects[0]!.name).toBe(
      seed.projects[0]!.name,
    );
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('upload-preview').waitFor({ state: 'detached' });
    await page.getByText('上传后的项目名称').first().waitFor();
    expect((await getTargets(db, { unitCode: '711002', fiscalYear: 2020 })).document.projects[0]!.name).toBe(
      '上传后的项目名称',
    );
  });

  it('exports every unit as a zip from the unit list, showing units and bytes', { timeout: 120_000 }, async () => {
    await signInAs('czj', 'demo-czj-2020');
    await page.getByTestId('open-bulk-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('start-bulk-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('2020年绩效目标（1个单位）.zip');
    expect(await page.getByTestId('bulk-progress').textContent()).toContain('已完成：1 个单位');
  });
});
