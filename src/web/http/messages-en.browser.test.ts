import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import { assertWebBuilt, launchChromium, openSeedUnitDb, serveWebApp, signInOnPage } from '../../../test/browser.ts';
import { chineseOutsideUserData, SEED_UNIT, userDataTexts } from '../../../test/walk.ts';
import { recordForms } from '../../../test/workflow-fixtures.ts';

const UNIT = { username: 'zgh', password: 'demo-zgh-2020' };
const PROJECT = '711-0701-JBN-PGN6';
const API = `/api${SEED_UNIT}`;

/**
 * Issue 17 items 5 and 9 (decision 043): in the English locale the server's refusals and validation issues
 * read in English, composed on the web from the facts the server sends; no Chinese outside user data.
 */
describe('server messages in English (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;
  const pageErrors: string[] = [];
  let userData: string[];

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    userData = await userDataTexts(db);
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  async function expectNoChinese(): Promise<void> {
    expect(await chineseOutsideUserData(page, userData)).toEqual([]);
  }

  it('refuses a wrong password in English', async () => {
    await page.goto(`${baseUrl}${SEED_UNIT}`);
    await page.getByTestId('login-username').waitFor();
    await page.getByText('English', { exact: true }).click();
    await signInOnPage(page, UNIT.username, 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Wrong user name or password');
    await expectNoChinese();
    await signInOnPage(page, UNIT.username, UNIT.password);
    await page.getByTestId('user-menu').waitFor();
  });

  it('words a server validation issue in English on the field it names', async () => {
    await page.getByTestId(`project-${PROJECT}`).getByRole('button', { name: /edit/i }).first().click();
    const name = page.locator('#project_name');
    await name.fill('x'.repeat(201));
    await page.getByTestId('editor-save').click();
    const sentence = page.getByText('Project name may have at most 200 characters').first();
    await sentence.waitFor();
    // The messages the save produced (on the fields and above them); the editor's own words are the editor's test.
    const messages = await page.locator('.ant-form-item-explain-error, [data-testid="editor-error"]').allTextContents();
    expect(messages.join('\n')).not.toMatch(/\p{Script=Han}/u);
  });

  it('words a workflow refusal in English', async () => {
    // Submitted in another tab; this page shows "withdraw" until it learns that the reviewer began.
    const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
    const submitted = await page.request.post(`${baseUrl}${API}/workflow/submit`, {
      headers: { 'X-CSRF-Token': csrfToken },
      data: {},
    });
    expect(submitted.status()).toBe(200);
    await page.goto(`${baseUrl}${SEED_UNIT}`);
    const withdraw = page.getByTestId('workflow-withdraw');
    await withdraw.waitFor();
    await recordForms(db, await actorOf('zgb'), { unitCode: '711002', fiscalYear: 2020 });
    await withdraw.click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-btn-primary').click();
    const error = page.getByTestId('workflow-dialog-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('The reviewer has started');
    await expectNoChinese();
    expect(pageErrors).toEqual([]);
  });

  /** A demo account as the use cases see it. */
  async function actorOf(username: string): Promise<Actor> {
    const row = await db.kysely
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'org_code'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      orgCode: row.org_code,
    };
  }
});
