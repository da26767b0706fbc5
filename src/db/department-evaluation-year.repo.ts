import type { DepartmentEvaluation } from '../contract/department-evaluation.ts';
import { DepartmentEvaluationPolicySchema } from '../contract/policies.ts';
import { AppError } from '../domain/errors.ts';
import type { DepartmentEvaluationInput } from '../domain/department-evaluation/model.ts';
import {
  DEFAULT_DEPARTMENT_EVALUATION_POLICY,
  type DepartmentEvaluationPolicy,
} from '../domain/department-evaluation/policy.ts';
import { prefillDepartmentEvaluation } from '../domain/department-evaluation/prefill.ts';
import { presentDepartmentScore } from '../domain/department-evaluation/present.ts';
import { scoreDepartmentEvaluation } from '../domain/department-evaluation/score.ts';
import type { ScoringPolicy } from '../domain/scoring/policy.ts';
import type { Indicator, Unit } from '../domain/targets.ts';
import { type StoredDepartmentEvaluation, loadDepartmentEvaluation } from './department-evaluation.repo.ts';
import { loadEvaluatedYear, presentEvaluation } from './evaluated-year.repo.ts';
import { findDocument } from './documents.repo.ts';
import { policyForUnit } from './policies.repo.ts';
import type { Executor } from './schema.ts';

/** Everything a 整体自评表 read or write starts from (decision 045). */
export interface DepartmentYear {
  unitId: number;
  unit: Unit;
  fiscalYear: number;
  indicators: Indicator[];
  stored: StoredDepartmentEvaluation | null;
  /** What a new form starts from: the projects' money and the 自评's 执行数. */
  prefill: DepartmentEvaluationInput;
  policy: ScoringPolicy;
  departmentPolicy: DepartmentEvaluationPolicy;
}

/** The unit-year's targets, project 自评 money, stored 整体自评表 and policies; NOT_FOUND without targets. */
export async function loadDepartmentYear(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<DepartmentYear> {
  const evaluated = await loadEvaluatedYear(db, key);
  const document = (await findDocument(db, key.unitCode, key.fiscalYear))!;
  const departmentPolicy = await departmentPolicyOf(db, key.unitCode);
  const presented = presentEvaluation(evaluated);
  const money = presented.projects.map((p, i) => ({
    budget: evaluated.projects[i]!.budget,
    adjusted: p.adjustedBudget,
    spent: p.spent,
    spentFiscal: p.spentFiscal,
    spentOther: p.spentOther,
  }));
  return {
    unitId: evaluated.unitId,
    unit: evaluated.unit,
    fiscalYear: key.fiscalYear,
    indicators: document.overall.indicators ?? [],
    stored: await loadDepartmentEvaluation(db, { unitId: evaluated.unitId, fiscalYear: key.fiscalYear }),
    prefill: prefillDepartmentEvaluation(document.overall, money, departmentPolicy),
    policy: evaluated.policy,
    departmentPolicy,
  };
}

async function departmentPolicyOf(db: Executor, unitCode: string): Promise<DepartmentEvaluationPolicy> {
  const body = await policyForUnit(db, unitCode, 'department-evaluation');
  if (body == null) return DEFAULT_DEPARTMENT_EVALUATION_POLICY;
  const parsed = DepartmentEvaluationPolicySchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VALIDATION', `单位 ${unitCode} 适用的部门整体评价规则格式不正确，请财政局修正`);
  }
  return parsed.data;
}

/**
 * Scores a form against the year's indicators and policies: VALIDATION at the field for a bad entry when
 * `strict` (a write); a read drops what the targets or the policy no longer name (an indicator renamed since).
 */
export function scoreDepartmentForm(year: DepartmentYear, form: DepartmentEvaluationInput, strict = false) {
  const kept = strict
    ? form
    : {
        ...form,
        indicators: form.indicators.filter((i) => year.indicators.some((t) => t.name === i.name)),
        management: form.management.filter((m) => year.departmentPolicy.managementItems.some((r) => r.key === m.key)),
      };
  return scoreDepartmentEvaluation(year.indicators, kept, year.policy, year.departmentPolicy);
}

/** The 整体自评表 as the API shows it: the stored form (or the pre-filled draft), its score, the 复核 beside. */
export function presentDepartmentEvaluation(year: DepartmentYear, override?: Partial<StoredDepartmentEvaluation>) {
  const stored = year.stored ? { ...year.stored, ...override } : null;
  const form = stored?.form ?? year.prefill;
  const recheck = stored?.recheck ?? null;
  const unitScore = presentDepartmentScore(scoreDepartmentForm(year, form));
  const view: DepartmentEvaluation = {
    unitCode: year.unit.code,
    unitName: year.unit.name,
    fiscalYear: year.fiscalYear,
    status: stored?.status ?? 'none',
    version: stored?.version ?? 0,
    reviewComment: stored?.reviewComment ?? '',
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored ? new Date(stored.updatedAt).toISOString() : null,
    form,
    recheck,
    indicators: year.indicators,
    score: recheck ? presentDepartmentScore(scoreDepartmentForm(year, recheck.form)) : unitScore,
    unitScore: recheck ? unitScore : null,
  };
  return view;
}
