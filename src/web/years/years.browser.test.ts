import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  chooseOption,
  clickUntilGone,
  expectNoSeriousViolations,
  launchChromium,
  openSeedUnitDb,
  type PageWatch,
  serveWebApp,
  settle,
  signInOnPage,
  watchPage,
} from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';

/** The demo accounts (src/usecases/create-demo-users.ts): 山海关区财政局 and its unit 711002. */
const BUREAU_USER = { username: 'czj', password: 'demo-czj-2020' };
const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };

describe('年度管理 and the year switcher (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  async function signedIn(who: { username: string; password: string }): Promise<{ page: Page; watch: PageWatch }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const watch = watchPage(page);
    await page.goto(`${baseUrl}/`);
    await signInOnPage(page, who.username, who.password);
    await page.getByTestId('year-switcher').waitFor();
    return { page, watch };
  }

  it('the bureau opens 2021 with deadlines, closes 2020; the unit finds its copied draft and 2020 read-only', async () => {
    const { page, watch } = await signedIn(BUREAU_USER);
    await page.getByTestId('overview-link').getByRole('link', { name: '年度管理' }).click();
    await page.getByTestId('years-page').waitFor();
    await settle(page, watch);
    // The demo's 2020 has data but was never opened here; the form suggests the next year.
    await expect.poll(() => page.getByTestId('open-year-year').inputValue()).toBe('2021');
    // The monitoring checkpoints stay in the policy; the form shows them for the year being opened.
    await page.getByText('（月份 → 报送截止日期）：7 → 2021-08-31').waitFor();
    await page.getByTestId('open-year-targets').fill('2020-12-31');
    await page.getByTestId('open-year-evaluation').fill('2022-04-30');
    await page.getByTestId('open-year-submit').click();
    await clickUntilGone(page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ }));
    const outcome = page.getByTestId('open-year-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('1 个单位获得了草稿');
    // The monitoring deadline, left empty, is the policy's first checkpoint's due date.
    const row2021 = page.locator('tr', { hasText: '2021-08-31' });
    await row2021.waitFor();
    expect(await row2021.textContent()).toContain('2020-12-31');
    expect(await page.getByTestId('year-switcher').textContent()).toContain('2021');

    await page.getByTestId('deadlines-2021').click();
    const dialog = page.locator('.ant-modal', { hasText: '修改 2021 年度的截止日期' });
    await dialog.getByLabel('绩效自评截止日期').fill('2022-05-31');
    await clickUntilGone(dialog.getByRole('button', { name: /确\s*定/ }));
    await page.locator('tr', { hasText: '2022-05-31' }).waitFor();

    await page.getByTestId('close-year-2020').click();
    await clickUntilGone(page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定/ }));
    await page.getByTestId('reopen-year-2020').waitFor();
    await settle(page, watch);
    await expectNoSeriousViolations(page, '年度管理');
    expect(watch.problems).toEqual([]);
    await page.close();

    const unit = await signedIn(UNIT_USER);
    await unit.page.goto(`${baseUrl}/units/711002/years/2021`);
    await unit.page.getByText('困难职工帮扶资金').first().waitFor();
    await settle(unit.page, unit.watch);
    const switcher = unit.page.getByTestId('year-switcher');
    expect(await switcher.textContent()).toContain('2021');
    await chooseOption(unit.page, switcher.locator('.ant-select'), /2020/);
    await unit.page.waitForURL(/\/units\/711002\/years\/2020$/);
    await unit.page.getByTestId('year-closed-tag').waitFor();
    // Nothing is offered for change, and the button says why, before the server would refuse it.
    const add = unit.page.getByTestId('add-project');
    await expect.poll(() => add.getAttribute('data-reason')).toBe('2020 年度已关闭，只能查看');
    expect(await add.isDisabled()).toBe(true);
    await settle(unit.page, unit.watch);
    expect(unit.watch.problems).toEqual([]);
    await unit.page.close();
  }, 120_000);
});
