import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganisations } from '../../../test/api-client.ts';
import { bookSeedSpending } from '../../../test/evaluation-fixtures.ts';
import { documentForUnit } from '../../../test/targets-fixtures.ts';
import {
  assertWebBuilt,
  launchChromium,
  newDesktopPage,
  openSeedUnitDb,
  screenshotPath,
  serveWebApp,
  signInOnPage,
} from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { importTargets } from '../../usecases/import-targets.ts';
import { DEMO_EVALUATION } from '../../usecases/load-demo-evaluation.ts';
import { reviewEvaluation } from '../../usecases/review-evaluation.ts';
import { saveEvaluation } from '../../usecases/save-evaluation.ts';

const UNITS = ['711002', '712001'];

describe('复核 (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    await importTargets(db, SYSTEM_ACTOR, {
      document: documentForUnit('712001', '山海关区第一中学'),
      fiscalYear: 2020,
    });
    await seedOrganisations(db); // again: puts the new unit under its department (712) of the bureau
    // Two 自评表 submitted by their units and approved by their departments: the bureau's candidates.
    for (const unitCode of UNITS) {
      const key = { unitCode, fiscalYear: 2020 };
      await bookSeedSpending(db, unitCode, 2020);
      await saveEvaluation(db, SYSTEM_ACTOR, { ...key, ...DEMO_EVALUATION, submit: true });
      await reviewEvaluation(db, SYSTEM_ACTOR, { ...key, decision: 'approve' });
    }
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await newDesktopPage(browser);
    await page.goto(`${baseUrl}/units`);
    await signInOnPage(page, 'czj', 'demo-czj-2020');
    await page.getByTestId('unit-list').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it('draws half with a shown seed, opens the drawn 自评表 for re-scoring, and finalises the other', async () => {
    await page.getByTestId('overview-link').getByRole('link', { name: '自评复核' }).click();
    await page.getByTestId('recheck-page').waitFor();
    await page.getByLabel('抽取比例').fill('50');
    await page.getByLabel('随机种子').fill('7');
    await page.getByTestId('recheck-draw').click();
    await page.getByText('第 1 次抽取：主管部门已审核的 2 个中抽中 1 个').waitFor();
    await page.getByText('随机抽取 50%，种子 7').waitFor();
    const drawnList = page.getByTestId('recheck-drawn');
    const drawnText = (await drawnList.textContent()) ?? '';
    const chosen = UNITS.filter((u) => drawnText.includes(u));
    expect(chosen).toHaveLength(1);
    const other = UNITS.find((u) => u !== chosen[0])!;

    // The drawn one opens on its 自评表, where the bureau's re-score form is.
    await drawnList.getByRole('link', { name: '打开自评表' }).click();
    await page.getByTestId('evaluation-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/units/${chosen[0]}/years/2020/evaluation`);
    await page.getByTestId('recheck-form').waitFor();
    await page.goBack();
    // The draw is still listed on coming back.
    await drawnList.getByText(chosen[0]!).waitFor();

    await page.getByTestId('recheck-finalise').click();
    // A confirm dialog first: the batch is not undone by a click.
    await page.locator('.ant-modal-confirm-title', { hasText: '批量定稿 2020 年度的自评表？' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '批量定稿未抽中的自评表' }).click();
    await page.getByText('本次定稿 1 个').waitFor();
    await expect(page.getByTestId(`recheck-result-${other}`).textContent()).resolves.toContain('已定稿');
    await expect(page.getByTestId(`recheck-result-${chosen[0]}`).textContent()).resolves.toContain('待复核，未定稿');
    await expect.poll(() => page.locator('.ant-modal-mask:visible').count()).toBe(0);
    // Readable on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const card = page.getByTestId('recheck-page');
    await expect.poll(async () => (await card.boundingBox())!.width).toBeLessThanOrEqual(390);
    await expect(card.evaluate((node) => node.scrollWidth <= node.clientWidth)).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('recheck-page-390.png'), fullPage: true });
  });
});
