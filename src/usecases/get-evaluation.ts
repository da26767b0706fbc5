import type { Evaluation } from '../contract/evaluation.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { missingDeviationAnalysis } from '../domain/scoring/index.ts';
import { actualsOf, type EvaluatedYear, loadEvaluatedYear } from './evaluation-context.ts';
import { scoreEvaluatedYear } from './score-unit-year.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

/** The 自评表 of a unit-year: targets, year-end money, what was entered, the scores, and what is still owed. */
export async function getEvaluation(db: Db, input: { unitCode: string; fiscalYear: number }): Promise<Evaluation> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(db, (trx) => readEvaluation(trx, key), 'repeatable read');
}

export async function readEvaluation(db: Executor, key: { unitCode: string; fiscalYear: number }): Promise<Evaluation> {
  return presentEvaluation(await loadEvaluatedYear(db, key));
}

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
