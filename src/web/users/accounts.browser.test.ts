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
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import type { Db } from '../../db/database.ts';
import { createUser } from '../../usecases/create-user.ts';

const ADMIN = { username: 'boss', password: 'granite-meadow-71' };

/**
 * 用户管理 and 我的账号 in a real browser: an administrator creates a user and resets the password;
 * the user signs in with the one-time password, is held on the password change until done, then
 * sees the app, and on 我的账号 their sessions with the current one marked (decision 019).
 */
describe('accounts: user administration, forced password change, own sessions (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openMemoryDb();
    await seedOrganisations(db);
    await createUser(db, SYSTEM_ACTOR, { username: ADMIN.username, role: 'admin', password: ADMIN.password });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${baseUrl}/`);
    return page;
  }

  it('creates a user, resets the password, and the user must set their own before anything else', async () => {
    const admin = await newPage();
    await signInOnPage(admin, ADMIN.username, ADMIN.password);
    await admin.getByTestId('users-link').click();
    await admin.getByTestId('users-page').waitFor();

    await admin.getByTestId('user-add').click();
    await admin.getByTestId('user-username').fill('zhao');
    await admin.getByTestId('user-display-name').fill('赵会计');
    await chooseOption(admin, admin.locator('.ant-modal .ant-select').first(), '主管部门');
    await admin.getByTestId('user-org').fill('711');
    await admin.getByTestId('user-password').fill('qwertyuiop');
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => admin.getByTestId('user-dialog-error').textContent()).toContain('最常见');
    await admin.getByTestId('user-password').fill('river-stone-lamp-8');
    await admin.getByRole('button', { name: /确\s*定|OK/ }).click();
    const row = admin.locator('tr', { hasText: 'zhao' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('从未登录');

    await admin.getByTestId('user-reset-zhao').click();
    await admin
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    const oneTime = (await admin.getByTestId('one-time-password').textContent())!.trim();
    expect(oneTime).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expect.poll(() => row.textContent()).toContain('待改密码');

    const user = await newPage();
    await signInOnPage(user, 'zhao', oneTime);
    await user.getByTestId('forced-password-change').waitFor();
    expect(await user.getByTestId('account-link').count()).toBe(0);
    await user.getByTestId('current-password').fill(oneTime);
    await user.getByTestId('new-password').fill('my-zhao-password-1');
    await user.getByTestId('confirm-password').fill('my-zhao-password-1');
    await user.getByTestId('change-password-submit').click();
    await expect.poll(() => user.getByTestId('change-password-error').textContent()).toBe('密码不能包含用户名');
    await user.getByTestId('new-password').fill('autumn-bridge-window');
    await user.getByTestId('confirm-password').fill('autumn-bridge-window');
    await user.getByTestId('change-password-submit').click();
    await user.getByTestId('account-link').waitFor();
    expect(await user.getByTestId('forced-password-change').count()).toBe(0);

    await user.getByTestId('account-link').click();
    await user.getByTestId('account-page').waitFor();
    const sessions = user.getByTestId('own-sessions');
    await sessions.locator('.ant-tag', { hasText: '当前会话' }).waitFor();
    expect(await sessions.locator('tbody tr.ant-table-row').count()).toBe(1);
    await user.screenshot({ path: 'test-results/account-page.png' }).catch(() => undefined);

    await admin.reload();
    await admin.getByTestId('users-page').waitFor();
    const refreshed = admin.locator('tr', { hasText: 'zhao' });
    await refreshed.waitFor();
    expect(await refreshed.textContent()).not.toContain('从未登录');
    expect(await refreshed.textContent()).not.toContain('待改密码');
  }, 120_000);
});
