import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  launchChromium,
  openSeedUnitDb,
  screenshotPath,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import { corpusFile } from '../../../test/layout-corpus/index.ts';
import { hubei } from '../../../test/layout-corpus/specs/hubei.ts';
import type { CorpusDocument } from '../../../test/layout-corpus/table.ts';
import type { Db } from '../../db/database.ts';
import { getTargets } from '../../usecases/get-targets.ts';

const UNIT = { code: '711002', name: '秦皇岛市山海关区总工会' };
const PROJECT = '重点区域大气污染防治';

/**
 * The 湖北 corpus form (amounts in 万元, no 项目编码, placeholder rows, a 备注 column) filled in by the seed unit for
 * 2020: the unit's name in 预算单位 and the year in the title, so it belongs on the seed unit's 2020 page.
 */
function hubeiForSeedUnit(): CorpusDocument {
  const text = JSON.stringify(hubei).replaceAll('某市生态环境局', UNIT.name).replaceAll('2024', '2020');
  return JSON.parse(text) as CorpusDocument;
}

describe('the import dialog shows what was recognised before anything is stored (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('previews a 湖北 workbook in 万元 without codes: layout, conversion, skipped rows, mapping, unit; then stores it', async () => {
    await page.goto(`${baseUrl}/units`);
    await page.getByTestId('login-page').waitFor();
    await signInOnPage(page, 'zgh', 'demo-zgh-2020');
    await page.getByTestId('unit-list').waitFor();
    await page.goto(`${baseUrl}/units/${UNIT.code}/years/2020`);
    await page.getByTestId('open-upload').click();
    await page
      .locator('.ant-upload input[type=file]')
      .first()
      .setInputFiles({
        name: '湖北项目表.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await corpusFile(hubeiForSeedUnit(), 'xlsx')),
      });

    const recognised = page.getByTestId('upload-recognised');
    await recognised.waitFor();
    expect(await page.getByTestId('upload-unit-match').textContent()).toBe(
      `单位：文件写明单位“${UNIT.name}”，已匹配为 ${UNIT.code} ${UNIT.name}`,
    );
    // The workbook's note sheet, then the form.
    const tables = page.getByTestId('recognised-table');
    expect(await tables.count()).toBe(2);
    expect(await tables.nth(0).textContent()).toContain('不是绩效表');
    const form = tables.nth(1);
    const formText = await form.textContent();
    expect(formText).toContain('工作表“绩效目标表”');
    expect(formText).toContain('「项目支出绩效目标表（湖北）」');
    expect(formText).toContain('万元（表格上方“单位：万元”），已由万元换算为元');
    expect(formText).toContain('7 行');
    // Skipped rows show open, each at its cell.
    const skipped = form.getByTestId('recognised-skipped');
    await skipped.waitFor();
    expect(await skipped.textContent()).toContain('工作表“绩效目标表”E14：占位行（……）');
    // The mapping opens on demand: headers as written → fields in Chinese; 备注 kept as an extra field.
    await form.getByText(/表头与字段对应/).click();
    const mapping = form.getByTestId('recognised-mapping');
    await mapping.waitFor();
    const rows = await mapping.locator('tbody tr').allTextContents();
    expect(rows).toContain('年度资金总额资金总额工作表“绩效目标表”D7');
    expect(rows).toContain('指标值指标值工作表“绩效目标表”G9');
    expect(rows).toContain('备注保留为附加字段工作表“绩效目标表”H9');
    expect(rows.join('')).not.toMatch(/indicator\.|budgetTotal/);
    expect(await page.getByTestId('upload-derived-codes').textContent()).toMatch(
      new RegExp(`${PROJECT}：无项目编码，已生成 N-[0-9A-Z]+，可在编辑中修改`),
    );
    // Amounts converted exactly: 86.2 万元 → 862,000.00 元.
    expect(await page.getByTestId('upload-preview').textContent()).toContain('862,000.00');

    // A phone: the dialog stays within 390 px, the mapping scrolls inside its panel.
    await page.setViewportSize({ width: 390, height: 844 });
    const dialog = await page.locator('.ant-modal').boundingBox();
    expect(dialog!.width).toBeLessThanOrEqual(390);
    // Nothing in the dialog is wider than the dialog: wide tables scroll inside their own container.
    const overflow = await page
      .locator('.ant-modal-body')
      .evaluate((body) => ({ scroll: body.scrollWidth, client: body.clientWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import-recognised-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Previewed, not stored; then confirmed and stored.
    expect(
      (await getTargets(db, { unitCode: UNIT.code, fiscalYear: 2020 })).document.projects.map((p) => p.name),
    ).not.toContain(PROJECT);
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('upload-preview').waitFor({ state: 'detached' });
    await page.getByText(PROJECT).first().waitFor();
    const stored = (await getTargets(db, { unitCode: UNIT.code, fiscalYear: 2020 })).document;
    expect(stored.projects).toHaveLength(1);
    expect(stored.projects[0]).toMatchObject({ name: PROJECT, derivedCode: true });
    expect(stored.projects[0]!.budget.total).toBe('862000.00');
  });
});
