import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import type { Db } from '../../db/database.ts';
import { setUnitParent, upsertOrganisation } from '../../db/organisations.repo.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { createUser } from '../../usecases/create-user.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { assertWebBuilt, launchChromium, openMemoryDb, screenshotPath, serveWebApp } from '../../../test/browser.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = resolve(ROOT, 'test/fixtures/shanhaiguan-2020.expected.json');
const PASSWORD = 'review-test-2020';
const SCREENSHOT = screenshotPath('review-page.png');

describe('review page (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    const seed = JSON.parse(await readFile(SEED, 'utf8')) as TargetsDocument;
    db = await openMemoryDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
    await upsertOrganisation(db.kysely, {
      code: 'SHG-CZJ',
      name: '秦皇岛市山海关区财政局',
      kind: 'bureau',
      parentCode: null,
    });
    const department = await upsertOrganisation(db.kysely, {
      code: '711',
      name: '总工会（部门）',
      kind: 'department',
      parentCode: 'SHG-CZJ',
    });
    await setUnitParent(db.kysely, '711002', department);
    await createUser(db, SYSTEM_ACTOR, {
      username: 'rv-unit',
      displayName: 'rv-unit',
      role: 'unit',
      orgCode: '711002',
      password: PASSWORD,
    });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    // Signed in through the API (the context's cookie jar keeps the session): this test is about the review page.
    const session = await page.request.post(`${baseUrl}/api/session`, {
      data: { username: 'rv-unit', password: PASSWORD },
    });
    expect(session.status()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const cell = (scope: string, path: string) =>
    page.locator(`[data-review-scope="${scope}"] [data-review-path="${path}"]`).first();

  it('offers the extracted overall indicators on the department page and links to the review', async () => {
    await page.goto(`${baseUrl}/units/711002/years/2020`);
    const table = page.getByTestId('narrative-indicators');
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain('参赛职工');
    expect(text).toContain('不少于2000人');
    expect(text).toContain('≥2000人');
    await page.getByTestId('open-review').click();
    await page.getByTestId('review-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/units/711002/years/2020/review');
  });

  it('shows the grade and findings beside the tables, with flagged cells highlighted', async () => {
    await page.getByTestId('review-panel').waitFor();
    expect(await page.getByTestId('review-grade').textContent()).toBe('中');
    expect(await page.getByTestId('review-group-711-0403-JBN-MQNI').textContent()).toContain('无关');
    expect(await cell('711-0403-JBN-3EQS', 'indicators.0.target').getAttribute('class')).toContain('review-highlight');
    expect(await cell('711-0701-JBN-PGN6', 'indicators.0.target').getAttribute('class')).not.toContain(
      'review-highlight',
    );
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });

  it('scrolls to and rings the cell a finding points at', async () => {
    await page.getByTestId('review-group-711-0403-JBN-3EQS').locator('[data-rule="completeness.target-value"]').click();
    const target = cell('711-0403-JBN-3EQS', 'indicators.0.target');
    await expect.poll(async () => target.getAttribute('class')).toContain('review-active');
    await expect.poll(async () => (await target.isVisible()) && (await target.boundingBox())!.y > 0).toBe(true);

    await page.getByTestId('review-group-overall').locator('[data-rule="completeness.overall-numbering"]').click();
    const label = cell('overall', 'overall.measures.2.items.4.label');
    await expect.poll(async () => label.getAttribute('class')).toContain('review-active');
    expect(await label.textContent()).toBe('（六）');
    expect(await target.getAttribute('class')).not.toContain('review-active');
  });
});
