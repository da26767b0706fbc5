import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LOCK_KEYS, withAdvisoryLock } from '../db/advisory-lock.ts';
import type { Db } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../domain/access.ts';
import { setUnitParent, upsertOrganisation } from '../db/organisations.repo.ts';
import { createDemoUsers } from './create-demo-users.ts';
import { importFile } from './import-file.ts';
import { markDemoLoaded } from '../db/instance.repo.ts';
import { loadDemoEvaluation } from './load-demo-evaluation.ts';
import { loadDemoDepartmentEvaluation } from './load-demo-department-evaluation.ts';
import { loadDemoMonitoring } from './load-demo-monitoring.ts';
import { loadDemoRectification } from './load-demo-rectification.ts';
import { listUnits } from './list-units.ts';

/** The seed: 2020 performance targets of 秦皇岛市山海关区总工会 (unit 711002). */
const DEMO_DOCUMENT = resolve(import.meta.dirname, '../../examples/shanhaiguan-2020.txt');
export const DEMO_YEAR = 2020;
export const DEMO_UNIT = '711002';
/**
 * The demo organisation tree: 财政局 → 711 (the 总工会 as a department, typed 工会: the union route of decision 049,
 * the 上一级工会 of its unit) → unit 711002. The bureau's default policy asks for its 批复 after the union, so
 * every demo flow still reaches the bureau.
 */
const DEMO_BUREAU = { code: 'SHG-CZJ', name: '秦皇岛市山海关区财政局' } as const;
const DEMO_DEPARTMENT = { code: '711', name: '秦皇岛市山海关区总工会（部门）', orgType: 'union' } as const;

/**
 * Loads the seed department and the demo accounts (public passwords) when the database holds no
 * unit yet; returns whether it did. Only on request (`jixiao demo`, `jixiao serve --demo`, `npm
 * start`): a real installation never gets them. Servers starting together on one PostgreSQL take
 * turns (advisory lock): the first loads, the others then find the units and skip.
 */
export async function loadDemoDataIfEmpty(db: Db): Promise<boolean> {
  return withAdvisoryLock(db, LOCK_KEYS.startup, () => loadIfEmpty(db));
}

async function loadIfEmpty(db: Db): Promise<boolean> {
  if ((await listUnits(db, SYSTEM_ACTOR)).length > 0) return false;
  const content = await readFile(DEMO_DOCUMENT);
  await importFile(db, SYSTEM_ACTOR, { content, fileName: 'shanhaiguan-2020.txt', fiscalYear: DEMO_YEAR });
  await placeDemoUnit(db);
  // Each feature adds its demo step below, in this order: accounts, workflow, monitoring year.
  await createDemoUsers(db);
  await loadDemoMonitoring(db, { unitCode: DEMO_UNIT, fiscalYear: DEMO_YEAR });
  // Year-end 自评 last: it reads the monitoring year's spending (执行数).
  await loadDemoEvaluation(db, { unitCode: DEMO_UNIT, fiscalYear: DEMO_YEAR });
  await loadDemoDepartmentEvaluation(db, { unitCode: DEMO_UNIT, fiscalYear: DEMO_YEAR });
  // 结果应用 after the final 自评: the bureau's 整改通知 about a missed indicator (decision 048).
  await loadDemoRectification(db, { unitCode: DEMO_UNIT, fiscalYear: DEMO_YEAR });
  // Nothing is published: rendering a 决算公开 costs seconds on every demo load; the visitor publishes it with one
  // click on /bureau/disclosure (decision 047).
  // The login page shows the demo accounts only on a database that has them.
  await markDemoLoaded(db.kysely);
  return true;
}

async function placeDemoUnit(db: Db): Promise<void> {
  await upsertOrganisation(db.kysely, { ...DEMO_BUREAU, kind: 'bureau', parentCode: null });
  const department = await upsertOrganisation(db.kysely, {
    ...DEMO_DEPARTMENT,
    kind: 'department',
    parentCode: DEMO_BUREAU.code,
  });
  await setUnitParent(db.kysely, DEMO_UNIT, department);
}
