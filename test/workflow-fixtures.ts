import type { Db } from '../src/db/database.ts';
import { setUnitParent, upsertOrganisation } from '../src/db/organisations.repo.ts';
import { type Actor, SYSTEM_ACTOR } from '../src/domain/access.ts';
import type { ReviewOpinionBody } from '../src/contract/review-opinions.ts';
import type { OpinionGrade } from '../src/domain/review/opinion.ts';
import { getTargets } from '../src/usecases/get-targets.ts';
import { importTargets } from '../src/usecases/import-targets.ts';
import { recordReviewOpinion } from '../src/usecases/record-review-opinion.ts';
import { type TransitionResult, transitionTargets } from '../src/usecases/transition-targets.ts';
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

/** The items a reviewer grades: every project of the unit-year, then the overall targets (null). */
export async function opinionItems(db: Db, key: { unitCode: string; fiscalYear: number }): Promise<(string | null)[]> {
  const { document } = await getTargets(db, key);
  return [...document.projects.map((p) => p.code), null];
}

/** A form graded `overall` on every criterion, with the words 良 needs. */
export function opinionBody(projectCode: string | null, overall: OpinionGrade = '优'): ReviewOpinionBody {
  return {
    projectCode,
    completeness: overall,
    relevance: overall,
    appropriateness: overall,
    feasibility: overall,
    overall,
    opinion: `测试审核意见：${projectCode ?? '部门整体绩效目标'}评为${overall}。`,
    ...(overall === '良' ? { consultationNote: '已与单位协商，补充了数量指标。' } : {}),
  };
}

/**
 * Records a form graded `grade` (default 优) for every item at the reviewer's level, then takes
 * the step (review for a department, approve for the bureau): what the workflow needs since
 * decision 033.
 */
export async function reviewAndStep(
  db: Db,
  reviewer: Actor,
  key: { unitCode: string; fiscalYear: number },
  action: 'review' | 'approve',
  grade: OpinionGrade = '优',
): Promise<TransitionResult> {
  await recordForms(db, reviewer, key, grade);
  return transitionTargets(db, reviewer, { ...key, action });
}

/** Records a form graded `grade` for every item at the reviewer's level, in the current round. */
export async function recordForms(
  db: Db,
  reviewer: Actor,
  key: { unitCode: string; fiscalYear: number },
  grade: OpinionGrade = '优',
): Promise<void> {
  for (const projectCode of await opinionItems(db, key)) {
    await recordReviewOpinion(db, reviewer, { ...key, body: opinionBody(projectCode, grade) });
  }
}
