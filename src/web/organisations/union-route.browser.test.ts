import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../domain/access.ts';
import { transitionTargets } from '../../usecases/transition-targets.ts';
import {
  assertWebBuilt,
  launchChromium,
  newDesktopPage,
  openSeedUnitDb,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';

const PAGE_PATH = '/units/711002/years/2020';
const UNIT_ACTOR: Actor = { userId: 0, username: 'zgh', displayName: '总工会财务室', role: 'unit', orgCode: '711002' };
const GRADES = { completeness: '优', relevance: '优', appropriateness: '优', feasibility: '优', overall: '优' };

/**
 * The union route in the screens (decision 049): 711 typed 工会 is 711002's superior union; its reviewer (the demo's
 * `sgh`) reads its stage as 上级工会审核, passes it, and the document waits for the bureau's 批复.
 */
describe('approval chain: the union reviewer (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    await db.kysely.updateTable('organisations').set({ org_type: 'union' }).where('code', '=', '711').execute();
    await transitionTargets(db, UNIT_ACTOR, { unitCode: '711002', fiscalYear: 2020, action: 'submit' });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await newDesktopPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('shows 上级工会审核 to the union reviewer, who passes the targets on to the bureau', async () => {
    await page.goto(`${baseUrl}${PAGE_PATH}`);
    await signInOnPage(page, 'sgh', 'demo-sgh-2020');
    const bar = page.getByTestId('workflow-bar');
    await bar.waitFor();
    await expect(page.getByTestId('workflow-state').textContent()).resolves.toBe('已报送，待上级工会审核');
    await expect(page.getByTestId('workflow-chain').textContent()).resolves.toMatch(/上级工会审核.*→ 财政批复/);
    // 88号: the pass waits for the union's 审核意见表 on every item (the form itself: opinion.browser.test.ts).
    const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/session`)).json()) as { csrfToken: string };
    for (const projectCode of [...seedDocument().projects.map((p) => p.code), null]) {
      const answer = await page.request.put(`${baseUrl}/api${PAGE_PATH}/review-opinions`, {
        headers: { 'X-CSRF-Token': csrfToken },
        data: { projectCode, ...GRADES, opinion: '符合要求' },
      });
      expect(answer.status()).toBe(200);
    }
    await page.reload();
    const pass = page.getByTestId('workflow-review');
    await expect(pass.textContent()).resolves.toMatch(/上级工会审核通过/);
    await pass.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('workflow-state').filter({ hasText: '上级工会已审核，待财政批复' }).waitFor();
    const history = page.getByTestId('workflow-history-entry').first();
    await expect(history.textContent()).resolves.toMatch(
      /上级工会审核通过.*已报送，待上级工会审核 → 上级工会已审核，待财政批复/,
    );
  });
});
