import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWebBuilt, launchChromium, openSeedUnitDb, serveWebApp, signInOnPage } from '../../../test/browser.ts';
import type { Db } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { createUser } from '../../usecases/create-user.ts';

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };
/** Where the header shows its links: the narrowest such screen (antd's lg) and the usual desktop. */
const DESKTOPS = [
  { width: 992, height: 768 },
  { width: 1280, height: 900 },
];
const UNIT = '/units/711002/years/2020';
const PROJECT = '711-0701-JBN-PGN6';
const ADMIN = { username: 'boss', password: 'granite-meadow-71' };

/** A page: where it is and what shows once it has loaded. */
type Screen = [path: string, testId: string];

/** Every demo role (and an administrator), each with the main pages it has and the links its menu must hold. */
const ROLES: { username: string; password: string; screens: Screen[]; links: string[] }[] = [
  {
    username: 'zgh',
    password: 'demo-zgh-2020',
    links: ['account-link', 'sign-out'],
    screens: [
      ['/', 'unit-list'],
      [UNIT, 'project-tables'],
      [`${UNIT}/review`, 'review-page'],
      [`${UNIT}/monitoring`, 'monitoring-page'],
      [`${UNIT}/evaluation`, 'evaluation-page'],
      ['/account', 'account-page'],
    ],
  },
  {
    username: 'zgb',
    password: 'demo-zgb-2020',
    links: ['overview-link', 'account-link', 'sign-out'],
    screens: [
      ['/bureau', 'bureau-overview'],
      ['/bureau/monitoring', 'bureau-monitoring-page'],
      [`${UNIT}/review`, 'review-page'],
    ],
  },
  {
    username: 'czj',
    password: 'demo-czj-2020',
    links: ['overview-link', 'account-link', 'sign-out'],
    screens: [
      ['/bureau/recheck', 'recheck-page'],
      ['/bureau/policies', 'policies-page'],
      ['/organisations', 'organisations-page'],
      [`${UNIT}/evaluation`, 'evaluation-page'],
    ],
  },
  {
    username: 'sj',
    password: 'demo-sj-2020',
    links: ['overview-link', 'account-link', 'sign-out'],
    screens: [
      [`${UNIT}/audit`, 'audit-page'],
      ['/bureau', 'bureau-overview'],
    ],
  },
  { ...ADMIN, links: ['overview-link', 'users-link', 'sign-out'], screens: [['/admin/users', 'users-page']] },
];

/**
 * Any screen (issue 17): at a phone's and a tablet's width no page is wider than the screen (a
 * table scrolls inside its own box), the header stays one bar, and on a phone its links sit in a
 * menu. One browser; one page per role, moved between routes and widths without reloading.
 */
describe('any screen: no page wider than a phone or a tablet (real server, real browser)', () => {
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

  for (const role of ROLES) {
    it(`${role.username}: every page fits 390 and 820 px, and the phone menu holds the links`, async () => {
      const page = await browser.newPage({ viewport: PHONE, locale: 'zh-CN' });
      page.on('pageerror', (error) => console.error('page error:', error.message));
      await page.goto(`${baseUrl}/`);
      await signInOnPage(page, role.username, role.password);
      await page.getByTestId('nav-menu').waitFor();
      await checkPhoneMenu(page, role.links);

      const overflows: string[] = [];
      for (const [path, testId] of role.screens) {
        await showRoute(page, path, testId);
        for (const size of [PHONE, TABLET]) {
          await page.setViewportSize(size);
          await nextFrames(page);
          const problem = await fitProblem(page);
          if (problem) overflows.push(`${path} at ${size.width}: ${problem}`);
        }
        await page.setViewportSize(PHONE);
        if (testId === 'project-tables') {
          const problem = await editorProblem(page);
          if (problem) overflows.push(`${path} editor at ${PHONE.width}: ${problem}`);
        }
      }
      await page.close();
      expect(overflows).toEqual([]);
    });
  }

  /** On a phone the header is the product name and a menu button whose drawer holds the links; on a desktop the header shows them, on one bar. */
  async function checkPhoneMenu(page: Page, links: string[]): Promise<void> {
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await page.getByTestId('nav-menu').click();
    const drawer = page.getByTestId('nav-drawer');
    await drawer.waitFor();
    for (const link of links) await drawer.getByTestId(link).first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    for (const size of DESKTOPS) {
      await page.setViewportSize(size);
      await page.getByTestId('user-menu').waitFor();
      expect(await page.getByTestId('nav-menu').count()).toBe(0);
      expect(await fitProblem(page)).toBeNull();
    }
    await page.setViewportSize(PHONE);
    await page.getByTestId('nav-menu').waitFor();
  }
});

/** Moves the single-page app to `path` as its own links do (history + popstate), and waits until the page has loaded. */
async function showRoute(page: Page, path: string, testId: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.getByTestId(testId).first().waitFor();
  await page.waitForFunction(() => document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null);
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
