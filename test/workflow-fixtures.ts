import type { Db } from '../src/db/database.ts';
import { setUnitParent, upsertOrganisation } from '../src/db/organisations.repo.ts';
import { type Actor, SYSTEM_ACTOR } from '../src/domain/access.ts';
import { importTargets } from '../src/usecases/import-targets.ts';
import { documentForUnit, seedDocument } from './targets-fixtures.ts';

/** Workflow tests: the demo tree (bureau SHG-CZJ → department 711 → unit 711002) plus a unit of another department. */
export const UNIT = '711002';
export const OTHER_UNIT = '712001';
export const YEAR = 2020;

export const unitActor: Actor = {
  userId: 11,
  username: 'zgh',
  displayName: '山海关区总工会',
  role: 'unit',
  orgCode: UNIT,
};
export const otherUnitActor: Actor = {
  userId: 12,
  username: 'other',
  displayName: '其他单位',
  role: 'unit',
  orgCode: OTHER_UNIT,
};
export const departmentActor: Actor = {
  userId: 13,
  username: 'zgb',
  displayName: '总工会（部门）',
  role: 'department',
  orgCode: '711',
};
export const otherDepartmentActor: Actor = {
  userId: 14,
  username: 'jyj',
  displayName: '教育局',
  role: 'department',
  orgCode: '712',
};
export const bureauActor: Actor = {
  userId: 15,
  username: 'czj',
  displayName: '财政局',
  role: 'bureau',
  orgCode: 'SHG-CZJ',
};
export const auditorActor: Actor = {
  userId: 16,
  username: 'sjj',
  displayName: '审计',
  role: 'auditor',
  orgCode: 'SHG-CZJ',
};

/** Imports the seed for 711002 and a copy for 712001, and places them in the tree. */
export async function loadWorkflowFixture(db: Db): Promise<void> {
  await importTargets(db, SYSTEM_ACTOR, { document: seedDocument(), fiscalYear: YEAR });
  await importTargets(db, SYSTEM_ACTOR, { document: documentForUnit(OTHER_UNIT, '山海关区某中学'), fiscalYear: YEAR });
  await upsertOrganisation(db.kysely, {
    code: 'SHG-CZJ',
    name: '秦皇岛市山海关区财政局',
    kind: 'bureau',
    parentCode: null,
  });
  const dept711 = await upsertOrganisation(db.kysely, {
    code: '711',
    name: '总工会（部门）',
    kind: 'department',
    parentCode: 'SHG-CZJ',
  });
  const dept712 = await upsertOrganisation(db.kysely, {
    code: '712',
    name: '教育局',
    kind: 'department',
    parentCode: 'SHG-CZJ',
  });
  await setUnitParent(db.kysely, UNIT, dept711);
  await setUnitParent(db.kysely, OTHER_UNIT, dept712);
}
