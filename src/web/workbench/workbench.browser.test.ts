import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisations } from '../../../test/api-client.ts';
import { documentForUnit } from '../../../test/targets-fixtures.ts';
import {
  assertWebBuilt,
  launchChromium,
  newDesktopPage,
  openSeedUnitDb,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import { reviewAndStep } from '../../../test/workflow-fixtures.ts';
import type { Db } from '../../db/database.ts';
import { type Actor, SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { transitionTargets } from '../../usecases/transition-targets.ts';

/*
 * 工作台 per role (decision 037), real server and browser: the department lands on what waits for its review;
 * the bureau on its approvals and the year's progress chart; the unit on its returned targets with the
 * reviewer's comment, follows the item into the editor, and finds the return under the bell.
 */
const YEAR = 2020;
const seedKey = { unitCode: '711002', fiscalYear: YEAR };
const otherKey = { unitCode: '712001', fiscalYear: YEAR };
const COMMENT = '请补充“参赛人数”的目标值';
const actor = (role: Actor['role'], orgCode: string, displayName: string): Actor => ({
  userId: 0,
  username: `${role}-${orgCode}`,
  displayName,
  role,
  orgCode,
});

describe('workbench per role (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  /** A fresh page signed in as `username`, landed on the workbench. */
  const landAs = async (username: string, password: string): Promise<Page> => {
    const page = await newDesktopPage(browser);
    await page.goto(`${baseUrl}/`);
    await signInOnPage(page, username, password);
    await page.getByTestId('workbench-item').first().waitFor();
    return page;
  };

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    await importTargets(db, SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区第一中学'),
      fiscalYear: YEAR,
    });
    await seedOrganisations(db); // puts 712001 under its department (712)
    // 711002 submitted (waits for department 711); 712001 reviewed by 712 (waits for the bureau).
    await transitionTargets(db, actor('unit', '711002', '总工会财务室'), { ...seedKey, action: 'submit' });
    await transitionTargets(db, actor('unit', '712001', '第一中学'), { ...otherKey, action: 'submit' });
    await reviewAndStep(db, actor('department', '712', '山海关区教育局'), otherKey, 'review');
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('lands the department on what waits for its review, linked to the review page', async () => {
    const page = await landAs('zgb', 'demo-zgb-2020');
    const item = page.getByTestId('workbench-review').getByTestId('workbench-item');
    await expect(item.getAttribute('data-kind')).resolves.toBe('targets-review');
    expect(await item.textContent()).toContain('711002');
    await expect(item.getByRole('link').getAttribute('href')).resolves.toBe('/units/711002/years/2020/review');
    await page.close();
  });

  it("lands the bureau on its approvals and the year's progress by stage", async () => {
    const page = await landAs('czj', 'demo-czj-2020');
    const item = page.getByTestId('workbench-review').getByTestId('workbench-item');
    await expect(item.getAttribute('data-kind')).resolves.toBe('targets-approve');
    expect(await item.textContent()).toContain('712001');
    await page.getByTestId('workbench-progress-chart').locator('svg').waitFor();
    expect(await page.getByTestId('workbench-progress').textContent()).toContain('共 2 个单位');
    await page.close();
  });

  it("lands the unit on its returned targets with the reviewer's comment, into the editor, and rings the bell", async () => {
    await transitionTargets(db, actor('department', '711', '山海关区总工会机关'), {
      ...seedKey,
      action: 'return',
      comment: COMMENT,
    });
    const page = await landAs('zgh', 'demo-zgh-2020');
    const item = page.locator('[data-testid="workbench-item"][data-kind="targets-returned"]');
    expect(await item.getByTestId('workbench-comment').textContent()).toContain(COMMENT);
    await expect(page.getByTestId('notification-count').textContent()).resolves.toContain('1');

    await item.getByRole('link').click();
    await page.getByTestId('project-tables').waitFor();
    expect(new URL(page.url()).pathname).toBe('/units/711002/years/2020');

    await page.getByTestId('notification-bell').click();
    const notice = page.getByTestId('notification').first();
    expect(await notice.textContent()).toContain('退回');
    expect(await notice.textContent()).toContain(COMMENT);
    await notice.locator('button').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="notification-count"] sup'));

    // A phone: the workbench reflows, no page wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('workbench-links').waitFor({ state: 'detached' });
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('workbench-item').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});
