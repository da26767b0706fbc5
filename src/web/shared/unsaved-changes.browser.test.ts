import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import {
  assertWebBuilt,
  newDesktopPage,
  openSeedUnitDb,
  launchChromium,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';

/**
 * Unsaved edits on the pages beside the project editor (editor.browser.test.ts has the editor's):
 * the 自评表 asks before the header's link or its own back button leaves it, and a workflow
 * step's dialog asks before Esc or Cancel drops a typed comment.
 */
const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };
const DEPARTMENT = '/units/711002/years/2020';

describe('unsaved changes ask first (real server, real browser)', () => {
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
    page = await newDesktopPage(browser);
    await page.goto(`${baseUrl}${DEPARTMENT}`);
    await page.getByTestId('login-page').waitFor();
    await signInOnPage(page, UNIT_USER.username, UNIT_USER.password);
    await page.getByTestId('project-tables').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const question = () => page.locator('.ant-modal-confirm').filter({ hasText: '有未保存的修改，确定放弃吗？' });
  async function answer(choice: 'discard-stay' | 'discard-confirm'): Promise<void> {
    await question().waitFor();
    await page.getByTestId(choice).click();
    await question().waitFor({ state: 'detached' });
  }

  it('asks before the header link or its 返回 button leaves a changed 自评表, and keeps the values on stay', async () => {
    await page.getByTestId('open-evaluation').click();
    await page.getByTestId('evaluation-page').waitFor();
    const actual = page.getByTestId('evaluation-711-0701-JBN-PGN6').getByLabel('补助金发放率 实际完成值');
    await actual.fill('95%');

    await page.locator('.app-header a').first().click();
    await answer('discard-stay');
    expect(new URL(page.url()).pathname).toBe(`${DEPARTMENT}/evaluation`);
    await expect(actual.inputValue()).resolves.toBe('95%');

    await page.getByRole('button', { name: /返回部门绩效目标/ }).click();
    await answer('discard-confirm');
    await page.getByTestId('department-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(DEPARTMENT);

    // Nothing was saved: the 自评表 opens empty again, and unchanged it leaves without a question.
    await page.getByTestId('open-evaluation').click();
    await expect(actual.inputValue()).resolves.toBe('');
    await page.locator('.app-header a').first().click();
    await page.getByTestId('workbench').waitFor();
    expect(await question().count()).toBe(0);
  });

  it('asks before Esc or Cancel drops a comment typed in a workflow step', async () => {
    await page.goto(`${baseUrl}${DEPARTMENT}`);
    await page.getByTestId('workflow-submit').click();
    const comment = page.getByTestId('workflow-comment');
    await comment.fill('请审核');

    await comment.press('Escape');
    await answer('discard-stay');
    await expect(comment.inputValue()).resolves.toBe('请审核');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消|返回修改/ })
      .click();
    await answer('discard-confirm');
    await comment.waitFor({ state: 'detached' });
    await expect(page.getByTestId('workflow-state').textContent()).resolves.toBe('草稿');
  });
});
