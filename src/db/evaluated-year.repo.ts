import { AppError } from '../domain/errors.ts';
import type { Amount } from '../domain/money.ts';
import { targetsNotFound } from '../domain/not-found.ts';
import type { Evaluation } from '../contract/evaluation.ts';
import { readScoringPolicy } from '../contract/policies.ts';
import {
  type ProjectActuals,
  type ScoringPolicy,
  type UnitScoreResult,
  missingDeviationAnalysis,
  scoreProjects,
} from '../domain/scoring/index.ts';
import { yearEndMoney } from '../domain/scoring/year-end-money.ts';
import type { Project, Unit } from '../domain/targets.ts';
import { findDocument } from './documents.repo.ts';
import { type StoredEvaluation, loadEvaluation } from './evaluation.repo.ts';
import { findUnitId, loadBudgetAdjustments, loadMonthlySpending } from './monitoring.repo.ts';
import { policyForUnit } from './policies.repo.ts';
import { loadProjects } from './projects.repo.ts';
import type { Executor } from './schema.ts';

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

/** The unit-year's 自评 inputs (src/domain/scoring/year-end-money.ts for the money), or NOT_FOUND. */
export async function loadEvaluatedYear(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<EvaluatedYear> {
  const unitId = await findUnitId(db, key.unitCode);
  const document = unitId === undefined ? undefined : await findDocument(db, key.unitCode, key.fiscalYear);
  if (unitId === undefined || !document) throw targetsNotFound(key);
  const projects = (await loadProjects(db, document.id)).map((p) => p.project);
  const ref = { unitId, fiscalYear: key.fiscalYear };
  const adjustments = await loadBudgetAdjustments(db, ref);
  const spending = await loadMonthlySpending(db, ref);
  return {
    unitId,
    unit: document.unit,
    fiscalYear: key.fiscalYear,
    projects,
    money: yearEndMoney(projects, adjustments, spending),
    stored: await loadEvaluation(db, ref),
    policy: await scoringPolicyOf(db, key.unitCode),
  };
}

async function scoringPolicyOf(db: Executor, unitCode: string): Promise<ScoringPolicy> {
  try {
    return readScoringPolicy(await policyForUnit(db, unitCode, 'scoring'));
  } catch {
    throw new AppError('VALIDATION', `单位 ${unitCode} 适用的评分规则（policy scoring）格式不正确，请财政局修正`);
  }
}

/** The domain's view of one project's year-end figures: the money and what the unit stored for it. */
function actualsOf(year: EvaluatedYear, project: Project): ProjectActuals {
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

/** The year scored by its policy: every project with its actuals, the mean (what 自评 reads and the summaries store). */
export function scoreEvaluatedYear(year: EvaluatedYear): UnitScoreResult {
  return scoreProjects(year.projects, (project) => actualsOf(year, project), year.policy);
}

/** The 自评表 as the API shows it: what was entered beside the targets, the scores, and what is still owed. */
export function presentEvaluation(year: EvaluatedYear): Evaluation {
  const scored = scoreEvaluatedYear(year);
  const projects = year.projects.map((project, p) => {
    const stored = year.stored?.projects.find((s) => s.code === project.code);
    const money = year.money.get(project.code);
    return {
      code: project.code,
      name: project.name,
      initialBudget: project.budget.total,
      adjustedBudget: money?.adjustedBudget ?? null,
      spent: money?.spent ?? null,
      executionReason: stored?.executionReason ?? '',
      indicators: project.indicators.map((indicator) => {
        const entry = stored?.indicators.find((i) => i.name === indicator.name);
        return {
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          target: indicator.target.raw,
          actual: entry?.actual ?? null,
          notApplicable: entry?.notApplicable ?? false,
          deviationReason: entry?.deviationReason ?? '',
          improvementMeasures: entry?.improvementMeasures ?? '',
          weight: entry?.weight == null ? null : Number(entry.weight),
        };
      }),
      score: scored.projects[p]!,
    };
  });
  const missingAnalysis = year.projects.flatMap((project, p) =>
    missingDeviationAnalysis(scored.exact[p]!, actualsOf(year, project)).map((m) => ({
      ...m,
      path: ['projects', p, ...m.path],
    })),
  );
  return {
    unitCode: year.unit.code,
    unitName: year.unit.name,
    fiscalYear: year.fiscalYear,
    status: year.stored?.status ?? 'none',
    updatedBy: year.stored?.updatedBy ?? null,
    version: year.stored?.version ?? 0,
    meanScore: scored.meanScore,
    incomplete: scored.incomplete,
    projects,
    missingAnalysis,
  };
}
