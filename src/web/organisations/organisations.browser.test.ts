import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisations } from '../../../test/api-client.ts';
import {
  assertWebBuilt,
  chooseOption,
  launchChromium,
  openMemoryDb,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import type { Db } from '../../db/database.ts';
import { createDemoUsers } from '../../usecases/create-demo-users.ts';
import { importTargets } from '../../usecases/import-targets.ts';

/** The demo bureau user manages the tree under 山海关区财政局. */
const BUREAU_USER = { username: 'czj', password: 'demo-czj-2020' };

describe('组织机构 page (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openMemoryDb();
    await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: 2020 });
    await seedOrganisations(db);
    await createDemoUsers(db);
    let baseUrl: string;
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${baseUrl}/`);
    await signInOnPage(page, BUREAU_USER.username, BUREAU_USER.password);
    await page.getByTestId('overview-link').getByRole('link', { name: '组织机构' }).click();
    await page.getByTestId('organisations-page').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const node = (code: string) => page.getByTestId(`org-node-${code}`);

  it('shows the bureau’s own subtree only', async () => {
    await node('711002').waitFor();
    expect(await node('SHG-CZJ').isVisible()).toBe(true);
    expect(await node('QHD-CZJ').count()).toBe(0);
  });

  it('adds a department (refusing a hostile code first), moves a unit under it, renames and deactivates', async () => {
    await page.getByTestId('org-add').click();
    const form = page.getByTestId('org-add-form');
    await chooseOption(page, form.locator('.ant-select').first(), '主管部门');
    await page.getByTestId('org-add-code').fill('../x');
    await page.getByTestId('org-add-name').fill('山海关区卫生健康局');
    await chooseOption(page, form.locator('.ant-select').nth(1), /SHG-CZJ/);
    await page
      .getByRole('button', { name: /新\s*增/ })
      .last()
      .click();
    // The hint under the field says the same words: the refusal is the error line, and nothing was created.
    await form.locator('.ant-form-item-explain-error', { hasText: '英文字母、数字和“-”' }).waitFor();
    expect(await node('713').count()).toBe(0);
    await page.getByTestId('org-add-code').fill('713');
    await page
      .getByRole('button', { name: /新\s*增/ })
      .last()
      .click();
    await node('713').waitFor();

    await node('711002').click();
    await chooseOption(page, page.getByTestId('org-move'), /^713 /);
    await page.getByTestId('org-editor').getByText('713', { exact: true }).waitFor();

    await node('713').click();
    await page.getByTestId('org-name').fill('山海关区卫健局');
    await page.getByTestId('org-rename').click();
    await node('713')
      .getByText(/山海关区卫健局/)
      .waitFor();

    await node('711002').click();
    await page.getByTestId('org-deactivate').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await node('711002').getByText('已停用').waitFor();
    const stored = await db.kysely
      .selectFrom('units as u')
      .innerJoin('organisations as o', 'o.id', 'u.parent_id')
      .select(['o.code as parent', 'u.active'])
      .where('u.code', '=', '711002')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ parent: '713', active: false });
  }, 120_000);
});
