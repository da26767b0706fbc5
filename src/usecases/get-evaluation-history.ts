import type { EvaluationHistory } from '../contract/evaluation.ts';
import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { PresentedProject } from '../domain/scoring/index.ts';
import { type EvaluatedYear, loadEvaluatedYear, scoreEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * 结果应用: beside each project and indicator of a year, last year's result where the same project
 * code and indicator name existed (历史标准), and which projects were graded 中 or 差 — last year's
 * for this year's budget, this year's (once evaluated) for the next.
 */
export async function getEvaluationHistory(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<EvaluationHistory> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(
    db,
    async (trx) => {
      const current = await loadEvaluatedYear(trx, key);
      const previous = await previousYear(trx, key);
      const currentScores = current.stored ? scoreEvaluatedYear(current).projects : [];
      const previousScores = previous?.stored ? scoreEvaluatedYear(previous).projects : [];
      return {
        unitCode: key.unitCode,
        fiscalYear: key.fiscalYear,
        previousYear: key.fiscalYear - 1,
        projects: current.projects.map((project) => {
          const before = previous?.projects.find((p) => p.code === project.code);
          const stored = previous?.stored?.projects.find((p) => p.code === project.code);
          return {
            code: project.code,
            name: project.name,
            lastYear: resultOf(previousScores.find((s) => s.code === project.code)),
            thisYear: resultOf(currentScores.find((s) => s.code === project.code)),
            indicators: project.indicators.map((indicator) => ({
              name: indicator.name,
              target: indicator.target.raw,
              lastYearTarget: before?.indicators.find((i) => i.name === indicator.name)?.target.raw ?? null,
              lastYearActual: stored?.indicators.find((i) => i.name === indicator.name)?.actual ?? null,
            })),
          };
        }),
      };
    },
    'repeatable read',
  );
}

async function previousYear(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<EvaluatedYear | null> {
  const ref = { unitCode: key.unitCode, fiscalYear: key.fiscalYear - 1 };
  return (await findDocumentRef(db, ref.unitCode, ref.fiscalYear)) ? loadEvaluatedYear(db, ref) : null;
}

function resultOf(score: PresentedProject | undefined): EvaluationHistory['projects'][number]['lastYear'] {
  if (!score) return null;
  return {
    score: score.score,
    grade: score.grade,
    incomplete: score.incomplete,
    budgetDiscussion: score.grade === '中' || score.grade === '差',
  };
}
