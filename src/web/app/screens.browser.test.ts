import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  launchChromium,
  menuPaths,
  openSeedUnitDb,
  serveWebApp,
  settle,
  showRoute,
  signInOnPage,
  watchPage,
} from '../../../test/browser.ts';
import { ADMIN, SEED_UNIT, WALK_ROLES } from '../../../test/walk.ts';
import type { Db } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { createUser } from '../../usecases/create-user.ts';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
const DESKTOP = { width: 1440, height: 900 };
/** Where the header shows its links: the narrowest such screen (antd's lg) and the usual desktop. */
const DESKTOPS = [{ width: 992, height: 768 }, DESKTOP];
/** "No 20,000-pixel pages" (issue 17): no page taller than this many screens. */
const MAX_SCREENS = 15;
const PROJECT = '711-0701-JBN-PGN6';

/**
 * Any screen, a clean console (issue 17, "how it is checked"): the walk of test/walk.ts (every page the menu offers,
 * and the seed unit's pages) as each role at a phone's, a tablet's and a desktop's size: no page wider than the
 * screen (a table scrolls inside its own box), none taller than 15 screens, the header one bar (on a phone its links
 * sit in a menu), and no console error, page error or failed request on the way. One browser; one page per role,
 * moved between routes and sizes without reloading.
 */
describe('any screen, clean console: every page as every role at phone, tablet and desktop size (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    await createUser(db, SYSTEM_ACTOR, { username: ADMIN.username, role: 'admin', password: ADMIN.password });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  for (const role of WALK_ROLES) {
    it(`${role.username}: every page fits 390, 820 and 1440 px, is at most ${MAX_SCREENS} screens tall, and logs no error`, async () => {
      const page = await browser.newPage({ viewport: DESKTOP, locale: 'zh-CN' });
      const watch = watchPage(page);
      await page.goto(`${baseUrl}/`);
      await signInOnPage(page, role.username, role.password);
      await page.getByTestId('user-menu').waitFor();
      await settle(page, watch);
      const landing = new URL(page.url()).pathname;
      const paths = [...new Set([landing, ...(await menuPaths(page)), ...role.unitPages])];
      await checkPhoneMenu(page, role.links, paths);

      const problems: string[] = [];
      for (const path of paths) {
        await showRoute(page, watch, path);
        // A page that threw took the app down with it (counted in watch.problems): the next page starts afresh.
        if ((await page.locator('.app-header').count()) === 0) await page.goto(`${baseUrl}${path}`);
        for (const size of [DESKTOP, TABLET, PHONE]) {
          await page.setViewportSize(size);
          await nextFrames(page);
          const problem = (await fitProblem(page)) ?? (await heightProblem(page));
          if (problem) problems.push(`${path} at ${size.width}: ${problem}`);
        }
        if (path === SEED_UNIT && role.username === 'zgh') {
          const problem = await editorProblem(page);
          if (problem) problems.push(`${path} editor at ${PHONE.width}: ${problem}`);
        }
        await page.setViewportSize(DESKTOP);
      }
      await watch.idle();
      await page.close();
      expect([...problems, ...watch.problems]).toEqual([]);
    });
  }

  /**
   * On a phone the header is the product name and a menu button whose drawer holds the links (the same as the
   * desktop header's); on a desktop the header shows them on one bar, none squeezed, or, where a role's links do
   * not fit (from antd's lg up to the width they need), the menu button as on a phone. At 1440 px they fit.
   */
  async function checkPhoneMenu(page: Page, links: string[], walked: string[]): Promise<void> {
    for (const size of DESKTOPS) {
      await page.setViewportSize(size);
      const bar = page.getByTestId('user-menu');
      await bar.or(page.getByTestId('nav-menu')).waitFor();
      if (size === DESKTOP || (await bar.count()) > 0) {
        await bar.waitFor();
        expect(await page.getByTestId('nav-menu').count()).toBe(0);
        expect(await bar.evaluate((menu) => menu.scrollWidth - menu.clientWidth)).toBeLessThanOrEqual(1);
      }
      expect(await fitProblem(page)).toBeNull();
    }
    await page.setViewportSize(PHONE);
    await page.getByTestId('nav-menu').waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await page.getByTestId('nav-menu').click();
    const drawer = page.getByTestId('nav-drawer');
    await drawer.waitFor();
    for (const link of links) await drawer.getByTestId(link).first().waitFor();
    expect(walked).toEqual(expect.arrayContaining(await menuPaths(page)));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.setViewportSize(DESKTOP);
  }
});

/** The page is at most MAX_SCREENS screens tall, or why not. */
async function heightProblem(page: Page): Promise<string | null> {
  const [height, screen] = await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
  return height > MAX_SCREENS * screen ? `${height} px tall, ${(height / screen).toFixed(1)} screens` : null;
}

/** Two animation frames: the resize has been laid out and React has answered the media query. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Why the page does not fit the screen, or null: the page scrolls sideways, or the header grew past
 * one bar. Late content (a chart, a table arriving) gets a moment before the answer stands.
 */
async function fitProblem(page: Page): Promise<string | null> {
  const fits = await page
    .waitForFunction(
      () => {
        const header = document.querySelector('.app-header');
        return (
          document.documentElement.scrollWidth <= window.innerWidth + 1 &&
          (!header || (header.scrollHeight <= header.clientHeight + 1 && header.scrollWidth <= header.clientWidth + 1))
        );
      },
      undefined,
      { timeout: 1_500 },
    )
    .then(
      () => true,
      () => false,
    );
  return fits ? null : page.evaluate(measure);
}

/** Runs in the page: the sideways overflow with the outermost elements that stick out (outside scrolling boxes). */
function measure(): string {
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const header = document.querySelector('.app-header');
  const inScrollBox = (element: Element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement)
      if (getComputedStyle(parent).overflowX !== 'visible') return true;
    return false;
  };
  const culprits = [...document.body.querySelectorAll('*')]
    .filter((element) => element.getBoundingClientRect().right > width + 1)
    .filter((element) => (element.parentElement?.getBoundingClientRect().right ?? 0) <= width + 1)
    .filter((element) => !inScrollBox(element))
    .slice(0, 4)
    .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
  return `scrollWidth ${scrollWidth}, header content ${header?.scrollHeight} px in ${header?.clientHeight}; sticking out: ${culprits.join(', ')}`;
}

/** The project editor (a drawer) fits the phone too, with nothing in it wider than the drawer. */
async function editorProblem(page: Page): Promise<string | null> {
  await page
    .getByTestId(`project-${PROJECT}`)
    .getByRole('button', { name: /编\s*辑/ })
    .click();
  const drawer = page.locator('.ant-drawer-open');
  await drawer.locator('form#project').waitFor();
  const problem = await drawer.evaluate((element) => {
    const panel = element.querySelector('.ant-drawer-section, .ant-drawer-content')!.getBoundingClientRect();
    const body = element.querySelector('.ant-drawer-body')!;
    if (panel.width > window.innerWidth + 1) return `drawer ${Math.round(panel.width)} px wide`;
    if (body.scrollWidth > body.clientWidth + 1) return `drawer content ${body.scrollWidth} px in ${body.clientWidth}`;
    return null;
  });
  await page.getByTestId('editor-cancel').click();
  await drawer.waitFor({ state: 'detached' });
  return problem;
}
