import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  launchChromium,
  openSeedUnitDb,
  serveWebApp,
  settle,
  signInOnPage,
  watchPage,
} from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';
import { lockDocumentRow, setWorkflowState } from '../../db/workflow.repo.ts';
import type { DisclosureManifest } from '../../domain/disclosure/packages.ts';

/** The demo accounts (src/usecases/create-demo-users.ts): 山海关区财政局. */
const BUREAU_USER = { username: 'czj', password: 'demo-czj-2020' };

describe('信息公开 (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    // The seed's targets approved (the review procedure has its own tests): 预算公开 may then be published.
    const document = await lockDocumentRow(db.kysely, '711002', 2020);
    await setWorkflowState(db.kysely, { documentId: document!.id, expectedVersion: 0, state: 'approved' });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  it("the bureau publishes the unit's 预算公开; an anonymous visitor reads the index and downloads the files", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const watch = watchPage(page);
    await page.goto(`${baseUrl}/`);
    await signInOnPage(page, BUREAU_USER.username, BUREAU_USER.password);
    await page.getByTestId('overview-link').getByRole('link', { name: '信息公开' }).click();
    await page.getByTestId('disclosure-page').waitFor();
    await settle(page, watch);
    // 决算公开 waits for a final 自评: the reason shows, no publish button.
    expect(await page.getByTestId('package-711002-final').textContent()).toContain('绩效自评终审后才能决算公开');
    await page.getByTestId('publish-711002-budget').click();
    await page.getByTestId('package-711002-budget').getByText('已公开').waitFor();
    expect(watch.problems).toEqual([]);

    // Anonymous: a fresh context without the session cookie, JavaScript off (the pages need none).
    const visitor = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const publicPage = await visitor.newPage();
    const index = await publicPage.goto(`${baseUrl}/public/SHG-CZJ/2020/`);
    expect(index?.status()).toBe(200);
    await publicPage.getByRole('link', { name: '预算公开' }).click();
    await publicPage.getByText('第 1 版').waitFor();
    const manifest = (await (
      await visitor.request.get(`${baseUrl}/public/SHG-CZJ/2020/711002/budget/manifest.json`)
    ).json()) as DisclosureManifest;
    const word = manifest.files.find((f) => f.name.endsWith('.docx'))!;
    const [download] = await Promise.all([
      publicPage.waitForEvent('download'),
      publicPage.getByRole('link', { name: word.name }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(word.sha256);
    // The API stays closed to the same visitor.
    expect((await visitor.request.get(`${baseUrl}/api/units/711002/years/2020/disclosure`)).status()).toBe(401);
    await visitor.close();
    await page.close();
  });
});
