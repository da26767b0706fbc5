import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisations } from '../../../test/api-client.ts';
import { assertWebBuilt, launchChromium, openMemoryDb, serveWebApp, signInOnPage } from '../../../test/browser.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import type { Db } from '../../db/database.ts';
import type { TargetsDocument } from '../../domain/targets.ts';
import { createDemoUsers } from '../../usecases/create-demo-users.ts';
import { importTargets } from '../../usecases/import-targets.ts';

const SEED = resolve(import.meta.dirname, '../../../test/fixtures/shanhaiguan-2020.expected.json');
/** The demo bureau user (README) sees every unit under 山海关区财政局. */
const BUREAU_USER = { username: 'czj', password: 'demo-czj-2020' };

/**
 * 55 units under the bureau (the seed's 711002 and 712001…712054, three of them also in 2021): more
 * than one page of 50, so the pager, the search and the year filter run against the server.
 */
async function fillUnits(db: Db): Promise<void> {
  const seed = JSON.parse(await readFile(SEED, 'utf8')) as TargetsDocument;
  await importTargets(db, SYSTEM_ACTOR, { document: seed, fiscalYear: 2020 });
  await importTargets(db, SYSTEM_ACTOR, {
    document: { ...seed, unit: { code: '712001', name: '山海关区教育局' } },
    fiscalYear: 2020,
  });
  await seedOrganisations(db);
  const department = await db.kysely
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', '712')
    .executeTakeFirstOrThrow();
  // The list reads units and their years only: plain rows are enough for the other 53.
  const units = await db.kysely
    .insertInto('units')
    .values(
      Array.from({ length: 53 }, (_, i) => ({
        code: String(712002 + i),
        name: `测试单位${i + 2}`,
        parent_id: department.id,
      })),
    )
    .returning(['id', 'code'])
    .execute();
  const years = units.flatMap((u) =>
    (['712002', '712003'].includes(u.code) ? [2020, 2021] : [2020]).map((fiscal_year) => ({
      unit_id: u.id,
      fiscal_year,
      overall: JSON.stringify(seed.overall),
    })),
  );
  await db.kysely.insertInto('target_documents').values(years).execute();
  await importTargets(db, SYSTEM_ACTOR, {
    document: { ...seed, unit: { code: '712001', name: '山海关区教育局' } },
    fiscalYear: 2021,
  });
}

describe('unit list: server-side paging, search and year filter (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openMemoryDb();
    await fillUnits(db);
    await createDemoUsers(db);
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    // The unit list is /units since the workbench took / (decision 037).
    await page.goto(`${baseUrl}/units`);
    await signInOnPage(page, BUREAU_USER.username, BUREAU_USER.password);
    await page.getByTestId('unit-list').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const codes = () => page.getByTestId('unit-list').locator('tbody tr td:first-child').allTextContents();

  it('shows the first 50 units and the total, and pages on the server; a reload keeps the page', async () => {
    await expect(page.locator('.ant-pagination-total-text').textContent()).resolves.toBe('共 55 个单位');
    expect(await codes()).toHaveLength(50);
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 5);
    expect(await codes()).toEqual(['712050', '712051', '712052', '712053', '712054']);
    expect(new URL(page.url()).search).toBe('?page=2');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 5);
    expect(await codes()).toEqual(['712050', '712051', '712052', '712053', '712054']);
  });

  it('searches by code prefix or name after the user stops typing, from page 1', async () => {
    await page.getByTestId('unit-search').locator('input').fill('71201');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('q') === '71201');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 10);
    expect(await codes()).toEqual([
      '712010',
      '712011',
      '712012',
      '712013',
      '712014',
      '712015',
      '712016',
      '712017',
      '712018',
      '712019',
    ]);
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.getByTestId('unit-search').locator('input').fill('总工会');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 1);
    expect(await codes()).toEqual(['711002']);
    await page.getByTestId('unit-search').locator('input').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 50);
  });

  it('filters by fiscal year, and keeps the filter in the address bar', async () => {
    await page.getByTestId('unit-year-filter').click();
    await page.locator('.ant-select-item-option[title="2021年"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 3);
    expect(await codes()).toEqual(['712001', '712002', '712003']);
    expect(new URL(page.url()).search).toBe('?year=2021');
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 3);
    // The filter is the header's year (decision 043): it moved with the choice, and moves back with the header.
    expect(await page.getByTestId('year-switcher').textContent()).toContain('2021');
    await page.getByTestId('year-switcher').click();
    await page.locator('.ant-select-item-option[title="2020"]').click();
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('year') === '2020');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="unit-list"] tbody tr').length === 50);
  });
});
