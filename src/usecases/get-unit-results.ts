import { type UnitResult } from '../contract/results.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import { openWarningsOf } from '../db/results-list.repo.ts';
import { loadNotices } from '../db/results.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { problemsOf } from '../domain/results/problems.ts';
import { projectResults } from './last-year-results.ts';
import { presentNotice } from './rectification-view.ts';

/**
 * One unit-year's results (结果应用, decision 048): each project's score and grade, the problems its 自评 shows
 * (low grades, low execution, missed indicators with their reasons, 复核 changes, open monitoring warnings),
 * and the 整改通知 with their replies.
 */
export async function getUnitResults(db: Db, input: { unitCode: string; fiscalYear: number }): Promise<UnitResult> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(
    db,
    async (trx) => {
      const evaluation = presentEvaluation(await loadEvaluatedYear(trx, key));
      const started = evaluation.status !== 'none';
      const notices = await loadNotices(trx, key);
      const today = todayUtc();
      return {
        unitCode: evaluation.unitCode,
        unitName: evaluation.unitName,
        fiscalYear: key.fiscalYear,
        evaluationStatus: started ? evaluation.status : null,
        meanScore: started ? evaluation.meanScore : null,
        projects: started ? projectResults(evaluation) : [],
        problems: started ? problemsOf(evaluation.projects, await openWarningsOf(trx, key)) : [],
        notices: notices.map((n) => presentNotice(n, today)),
      };
    },
    'repeatable read',
  );
}
