import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  expectNoSeriousViolations,
  launchChromium,
  menuPaths,
  openSeedUnitDb,
  seriousViolations,
  serveWebApp,
  settle,
  showRoute,
  signInOnPage,
  watchPage,
  type PageWatch,
} from '../../../test/browser.ts';
import { ADMIN, chineseOutsideUserData, userDataTexts, WALK_ROLES } from '../../../test/walk.ts';
import type { Db } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../../domain/access.ts';
import { createUser } from '../../usecases/create-user.ts';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * Accessible and bilingual (issue 17, item 9): as each role, in English, every page of the walk (test/walk.ts)
 * passes axe-core without a serious or critical violation (names, labels, contrast, landmarks), and shows no
 * Chinese outside user data (decision 042). The login page and the phone's menu drawer are checked once, and axe
 * checks each page once (as the first role that reaches it).
 */
describe('accessible and bilingual: axe-core and the English locale on every page as every role (real server, real browser)', () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;
  let userData: string[];
  /** Pages axe has checked: the big unit pages cost a second or two each, and differ between roles only in buttons. */
  const axeChecked = new Set<string>();

  beforeAll(async () => {
    assertWebBuilt();
    db = await openSeedUnitDb();
    await createUser(db, SYSTEM_ACTOR, { username: ADMIN.username, role: 'admin', password: ADMIN.password });
    ({ app, baseUrl } = await serveWebApp(db));
    browser = await launchChromium();
    userData = await userDataTexts(db);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  for (const [index, role] of WALK_ROLES.entries()) {
    it(`${role.username}: in English, no serious axe violation and no Chinese outside user data`, async () => {
      const page = await browser.newPage({ viewport: DESKTOP, locale: 'en-US' });
      const watch = watchPage(page);
      const problems: string[] = [];
      const check = async (where: string) => {
        if (!axeChecked.has(where))
          problems.push(...(await seriousViolations(page)).map((line) => `${where}: ${line}`));
        axeChecked.add(where);
        problems.push(...(await chineseOutsideUserData(page, userData)).map((text) => `${where}: Chinese ${text}`));
      };
      await page.goto(`${baseUrl}/`);
      await page.getByTestId('login-username').waitFor();
      // The language switch in the header, as a person would use it; the choice is remembered for the session.
      await page.getByText('English', { exact: true }).click();
      if (index === 0) await check('login');
      await signInOnPage(page, role.username, role.password);
      await page.getByTestId('user-menu').waitFor();
      await settle(page, watch);
      const landing = new URL(page.url()).pathname;
      // The bureau's menu holds the most links.
      if (role.username === 'czj') problems.push(...(await checkPhoneMenu(page, watch, userData)));
      for (const path of new Set([landing, ...(await menuPaths(page)), ...role.unitPages])) {
        await showRoute(page, watch, path);
        // A page that threw took the app down with it (counted in watch.problems): the next page starts afresh.
        if ((await page.locator('.app-header').count()) === 0) await page.goto(`${baseUrl}${path}`);
        await check(path);
      }
      await page.close();
      expect([...problems, ...watch.problems]).toEqual([]);
    });
  }
});

/** The phone's header with its menu drawer open: no serious axe violation (thrown), and the Chinese it shows (returned). */
async function checkPhoneMenu(page: Page, watch: PageWatch, userData: string[]): Promise<string[]> {
  await page.setViewportSize(PHONE);
  await page.getByTestId('nav-menu').click();
  const drawer = page.getByTestId('nav-drawer');
  await drawer.waitFor();
  await settle(page, watch);
  await expectNoSeriousViolations(page, 'the phone menu');
  const chinese = await chineseOutsideUserData(page, userData);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await page.setViewportSize(DESKTOP);
  return chinese.map((text) => `phone menu: Chinese ${text}`);
}
