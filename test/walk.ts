import type { Page } from 'playwright-core';
import type { Db } from '../src/db/database.ts';
import { seedDocument } from './targets-fixtures.ts';

/**
 * The walk the outside checks make (issue 17, "how it is checked"): each role signs in and opens every page its
 * menu offers, and the seed unit's pages it reaches through the unit's own buttons. The header's links are read
 * from the page (menuPaths in browser.ts), so pages added later are walked without a change here.
 */
export const SEED_UNIT = '/units/711002/years/2020';
export const ADMIN = { username: 'boss', password: 'granite-meadow-71' };
const UNIT_PAGES = [SEED_UNIT, `${SEED_UNIT}/review`, `${SEED_UNIT}/monitoring`, `${SEED_UNIT}/evaluation`];

export interface WalkRole {
  username: string;
  password: string;
  /** The test ids the phone menu's drawer must hold. */
  links: string[];
  unitPages: string[];
}

export const WALK_ROLES: WalkRole[] = [
  { username: 'zgh', password: 'demo-zgh-2020', links: ['account-link', 'sign-out'], unitPages: UNIT_PAGES },
  {
    username: 'zgb',
    password: 'demo-zgb-2020',
    links: ['overview-link', 'account-link', 'sign-out'],
    unitPages: UNIT_PAGES,
  },
  {
    username: 'czj',
    password: 'demo-czj-2020',
    links: ['overview-link', 'account-link', 'sign-out'],
    unitPages: UNIT_PAGES,
  },
  {
    username: 'sj',
    password: 'demo-sj-2020',
    links: ['overview-link', 'account-link', 'sign-out'],
    unitPages: [...UNIT_PAGES, `${SEED_UNIT}/audit`],
  },
  { ...ADMIN, links: ['overview-link', 'users-link', 'sign-out'], unitPages: [SEED_UNIT] },
];

/**
 * User data (decision 042): what people typed or imported, shown as it is in any locale: every string of the seed
 * document (names, goals, indicator texts), and the names of the accounts and organisations in the database.
 * Elements marked `data-user-data` hold user data too (free text entered on a page).
 */
export async function userDataTexts(db: Db): Promise<string[]> {
  const texts = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(seedDocument());
  const users = await db.kysely.selectFrom('users').select('display_name').execute();
  const organisations = await db.kysely.selectFrom('organisations').select('name').execute();
  for (const row of users) texts.add(row.display_name);
  for (const row of organisations) texts.add(row.name);
  return [...texts].filter((text) => /\p{Script=Han}/u.test(text)).sort((a, b) => b.length - a.length);
}

/**
 * The Chinese the page shows outside user data: each visible text (and each label a screen reader reads) with user
 * data taken out must hold no Han character. Taken out: the user data strings, then any run of two or more Han
 * characters found inside one of them (a page quotes parts of a goal, a chart cuts a long name), and whatever sits
 * in an element marked `data-user-data` or `lang="zh…"` (the product's mark, the language switch's 中文). A single
 * character left over (a grade 优, a unit 家 of a value the page wrote) is not excused. Returns the offending
 * texts, each with where it sits.
 */
export function chineseOutsideUserData(page: Page, userData: string[]): Promise<string[]> {
  return page.evaluate((known) => {
    const han = /\p{Script=Han}/u;
    const corpus = known.join('\n');
    const strip = (text: string) =>
      known
        .reduce((rest, data) => rest.split(data).join(' '), text)
        .replace(/\p{Script=Han}{2,}/gu, (run) => (corpus.includes(run) ? ' ' : run));
    const excused = (element: Element) => element.closest('[data-user-data], [lang^="zh"], script, style') !== null;
    const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });
    const where = (element: Element) => {
      const testId = element.closest('[data-testid]')?.getAttribute('data-testid');
      const className = typeof element.className === 'string' ? element.className.split(' ')[0] : '';
      return `${element.tagName.toLowerCase()}${className ? `.${className}` : ''}${testId ? ` in ${testId}` : ''}`;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? '';
      if (!parent || !han.test(text) || excused(parent) || !visible(parent)) continue;
      if (han.test(strip(text))) found.push(`"${text.trim().slice(0, 80)}" (${where(parent)})`);
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (excused(element) || !visible(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const text = element.getAttribute(name) ?? '';
        if (han.test(strip(text))) found.push(`${name} "${text.slice(0, 80)}" (${where(element)})`);
      }
    }
    return [...new Set(found)];
  }, userData);
}
