import { findDocument } from '../db/documents.repo.ts';
import { loadEvaluation, type StoredEvaluation } from '../db/evaluation.repo.ts';
import { findUnitId, loadBudgetAdjustments, loadMonthlySpending } from '../db/monitoring.repo.ts';
import { policyForUnit } from '../db/policies.repo.ts';
import { loadProjects } from '../db/projects.repo.ts';
import type { Executor } from '../db/schema.ts';
import { AppError } from '../domain/errors.ts';
import { formatCents, parseAmountToCents, type Amount } from '../domain/money.ts';
import { type ProjectActuals, type ScoringPolicy, scoringPolicyFrom } from '../domain/scoring/index.ts';
import type { Project, Unit } from '../domain/targets.ts';
import { targetsNotFound } from './project-access.ts';

/** Everything a 自评 read starts from: the targets, monitoring's money, the stored evaluation, the policy. */
export interface EvaluatedYear {
  unitId: number;
  unit: Unit;
  fiscalYear: number;
  projects: Project[];
  money: Map<string, { adjustedBudget: Amount | null; spent: Amount | null }>;
  stored: StoredEvaluation | null;
  policy: ScoringPolicy;
}

export async function loadEvaluatedYear(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<EvaluatedYear> {
  const unitId = await findUnitId(db, key.unitCode);
  const document = unitId === undefined ? undefined : await findDocument(db, key.unitCode, key.fiscalYear);
  if (unitId === undefined || !document) throw targetsNotFound(key);
  const projects = (await loadProjects(db, document.id)).map((p) => p.project);
  const ref = { unitId, fiscalYear: key.fiscalYear };
  return {
    unitId,
    unit: document.unit,
    fiscalYear: key.fiscalYear,
    projects,
    money: await yearEndMoney(db, ref, projects),
    stored: await loadEvaluation(db, ref),
    policy: await scoringPolicyOf(db, key.unitCode),
  };
}

/**
 * 调整后预算数 = the latest budget adjustment, else the 年初预算数; 执行数 = all spending booked for the
 * year (December's cumulative). Both are monitoring's: the evaluation never keeps a second copy.
 * A project with no spending booked has no 执行数 (missing data, not zero).
 */
async function yearEndMoney(
  db: Executor,
  ref: { unitId: number; fiscalYear: number },
  projects: Project[],
): Promise<EvaluatedYear['money']> {
  const adjustments = await loadBudgetAdjustments(db, ref);
  const spending = await loadMonthlySpending(db, ref);
  const money: EvaluatedYear['money'] = new Map();
  for (const project of projects) {
    const adjusted =
      adjustments.filter((a) => a.projectCode === project.code).at(-1)?.adjustedBudget ?? project.budget.total;
    const rows = spending.filter((s) => s.projectCode === project.code);
    const spent =
      rows.length === 0
        ? null
        : formatCents(rows.reduce((total, row) => total + (parseAmountToCents(row.amount) ?? 0n), 0n));
    money.set(project.code, { adjustedBudget: adjusted, spent });
  }
  return money;
}

export async function scoringPolicyOf(db: Executor, unitCode: string): Promise<ScoringPolicy> {
  try {
    return scoringPolicyFrom(await policyForUnit(db, unitCode, 'scoring'));
  } catch {
    throw new AppError('VALIDATION', `单位 ${unitCode} 适用的评分规则（policy scoring）格式不正确，请财政局修正`);
  }
}

/** The domain's view of one project's year-end figures. */
export function actualsOf(year: EvaluatedYear, project: Project): ProjectActuals {
  const money = year.money.get(project.code) ?? { adjustedBudget: null, spent: null };
  const stored = year.stored?.projects.find((p) => p.code === project.code);
  return {
    ...money,
    executionReason: stored?.executionReason ?? null,
    indicators: (stored?.indicators ?? [])
      .filter((i) => project.indicators.some((t) => t.name === i.name))
      .map((i) => ({
        name: i.name,
        actual: i.actual,
        notApplicable: i.notApplicable,
        deviationReason: i.deviationReason,
        weight: i.weight === null ? null : Number(i.weight),
      })),
  };
}
