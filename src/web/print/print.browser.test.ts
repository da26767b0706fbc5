import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionedProject } from '../../contract/api.ts';
import type { Db } from '../../db/database.ts';
import {
  type PageWatch,
  assertWebBuilt,
  launchChromium,
  newDesktopPage,
  openSeedUnitDb,
  serveWebApp,
  settle,
  signInOnPage,
  watchPage,
} from '../../../test/browser.ts';

/**
 * The official form on screen and on paper (issue 17 item 3): an indicator dragged with the keyboard in the
 * editor keeps its place after a reload; 调整顺序 moves a project and the page shows the stored order; the
 * print page holds the whole document in the official grid, fits A4 without cut columns, and the browser's PDF
 * has the cover with 部门整体 first and a page per project.
 */
const UNIT_USER = { username: 'zgh', password: 'demo-zgh-2020' };
const UNIT_NAME = '山海关区总工会';
const FIRST = '711-0701-JBN-PGN6';
const base = '/units/711002/years/2020';
const projectApi = `/api/units/711002/years/2020/projects/${encodeURIComponent(FIRST)}`;
/** A4 (210 mm) less 15 mm margins each side, in CSS pixels (96 per inch). */
const A4_CONTENT_PX = Math.floor((180 / 25.4) * 96);

describe('the official table on screen and on paper (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    page = await newDesktopPage(browser);
    watch = watchPage(page);
    await page.goto(`${baseUrl}${base}`);
    await page.getByTestId('login-page').waitFor();
    await signInOnPage(page, UNIT_USER.username, UNIT_USER.password);
    await page.getByTestId('project-tables').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  /** A session of its own (cookie and CSRF token) for the API calls the test makes beside the page. */
  const api = async (method: string, url: string, body?: unknown, version?: number) => {
    const signedIn = await fetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(UNIT_USER),
    });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const headers: Record<string, string> = { cookie, 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken };
    if (version !== undefined) headers['If-Match'] = `"${version}"`;
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const readProject = async () => (await api('GET', projectApi)).json as VersionedProject;

  it('moves an indicator with the keyboard in the editor, and the order stays after a reload', async () => {
    // A second 产出指标 row, so that the table has a merged 一级 cell to show.
    const { project, version } = await readProject();
    const extra = { ...project.indicators[0]!, level2: '质量指标', name: '活动完成率', target: { raw: '≥95%' } };
    const edited = { ...project, indicators: [project.indicators[0]!, extra, ...project.indicators.slice(1)] };
    expect((await api('PUT', projectApi, edited, version)).status).toBe(200);
    await page.reload();
    await page
      .getByTestId(`project-${FIRST}`)
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('form#project').waitFor();
    const first = edited.indicators[0]!.name;
    await expect.poll(() => drawer.locator('#project_indicators_0_name').inputValue()).toBe(first);
    const handle = drawer.getByTestId('drag-handle').first();
    await handle.focus();
    // dnd-kit announces each step in its live region: the next key waits for the step before it.
    const live = page.locator('[id^="DndLiveRegion"]');
    await page.keyboard.press('Space');
    await live.filter({ hasText: /已拿起|移到第 1 位/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await live.filter({ hasText: '移到第 2 位' }).waitFor();
    await page.keyboard.press('Space');
    await live.filter({ hasText: '已放到第 2 位' }).waitFor();
    await expect.poll(() => drawer.locator('#project_indicators_1_name').inputValue()).toBe(first);
    await page.getByTestId('editor-save').click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    await page.getByTestId('project-tables').waitFor();
    const saved = (await readProject()).project.indicators.map((i) => i.name);
    expect(saved).toStrictEqual([extra.name, first, ...project.indicators.slice(1).map((i) => i.name)]);
    await expect
      .poll(() => page.getByTestId(`project-${FIRST}`).getByTestId('indicator-name').allTextContents())
      .toStrictEqual(saved);
  });

  it('puts the first project second with 下移, and the document keeps that order', async () => {
    const before = await page
      .locator('[data-testid^="project-"][data-review-scope]')
      .evaluateAll((blocks) => blocks.map((block) => block.getAttribute('data-review-scope')));
    await page.getByTestId('order-projects').click();
    const rows = page.getByTestId('project-order-row');
    await rows.first().waitFor();
    await rows.first().getByRole('button', { name: '下移' }).click();
    await page.getByRole('button', { name: /保存顺序/ }).click();
    await page.getByText('项目顺序已保存').waitFor();
    const expected = [before[1], before[0], ...before.slice(2)];
    await expect
      .poll(() =>
        page
          .locator('[data-testid^="project-"][data-review-scope]')
          .evaluateAll((blocks) => blocks.map((block) => block.getAttribute('data-review-scope'))),
      )
      .toStrictEqual(expected);
  });

  it('prints the whole document in the official form on A4, a page per project', async () => {
    expect(await page.getByTestId('print-button').isVisible()).toBe(true);
    await page.goto(`${baseUrl}${base}/print`);
    await page.getByTestId('print-page').waitFor();
    await settle(page, watch);
    const projects = page.locator('.print-project');
    await expect.poll(() => projects.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect(await projects.nth(i).locator('.indicator-table tbody tr').count()).toBeGreaterThan(0);
      expect(await projects.nth(i).getByTestId('budget-row').locator('td').count()).toBe(3);
    }
    // 产出指标 over its two rows, as the Word form merges it.
    const merged = page.getByTestId(`project-${FIRST}`).locator('.indicator-table td[rowspan="2"]');
    expect(await merged.allTextContents()).toStrictEqual(['产出指标']);
    expect(await page.getByTestId('print-cover-line').textContent()).toContain(UNIT_NAME);

    // A phone's screen: the page does not spill sideways (the tables scroll in their boxes).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The contents at the top jump to a project's table (on screen only).
    const contents = page.getByTestId('print-contents').getByRole('link');
    await expect(contents.count()).resolves.toBe(1 + 4);
    await contents.nth(1).click();
    await expect
      .poll(() => projects.first().evaluate((element) => Math.round(element.getBoundingClientRect().top)))
      .toBeLessThan(60);

    // On paper: only the document, as wide as A4's text area, no cut column.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
    const overflow = await page.evaluate((limit) => {
      const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > limit + 1 || box.left < -1);
      });
      return {
        scrollWidth: document.documentElement.scrollWidth,
        wide: wide.slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
        toolbarShown: document.querySelector('.print-toolbar')?.getBoundingClientRect().height ?? 0,
        headerShown: document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0,
        contentsShown: document.querySelector('.print-contents')?.getBoundingClientRect().height ?? 0,
      };
    }, A4_CONTENT_PX);
    expect(overflow).toStrictEqual({
      scrollWidth: A4_CONTENT_PX,
      wide: [],
      toolbarShown: 0,
      headerShown: 0,
      contentsShown: 0,
    });

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const { pages, firstPage } = await readPdf(pdf);
    expect(pages).toBeGreaterThanOrEqual(4 + 1);
    expect(firstPage).toContain(UNIT_NAME);
    // 门 may come out as the radical ⻔ (U+2ED4), which NFKC leaves as it is.
    expect(firstPage).toMatch(/第一部分部[门⻔]整体绩效目标/);
    expect(watch.problems).toStrictEqual([]);
  });
});

/** Page count and the first page's text, through pdf.js (the project's PDF reader uses it too). */
async function readPdf(pdf: Buffer): Promise<{ pages: number; firstPage: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const document = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  const firstPage = content.items.map((item) => ('str' in item ? item.str : '')).join('');
  // The PDF's fonts map some characters to Kangxi radicals (⼭ for 山): NFKC reads them as the characters they are.
  return { pages: document.numPages, firstPage: firstPage.normalize('NFKC').replace(/\s+/g, '') };
}
