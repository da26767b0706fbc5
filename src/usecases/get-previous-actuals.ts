import type { PreviousActualsResponse } from '../contract/fiscal-years.ts';
import type { Db } from '../db/database.ts';
import { previousYearActuals } from '../db/fiscal-years-copy.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { lastYearResults } from './last-year-results.ts';

/**
 * Last year's targets and 实际完成值 of a unit, per project code and indicator name, to show beside the
 * draft a new year copied (decision 038), and last year's 自评 grade and open 整改通知 per project (the review
 * page, decision 048). The route checked that the actor may read the unit.
 */
export async function getPreviousActuals(
  db: Db,
  key: { unitCode: string; fiscalYear: number },
): Promise<PreviousActualsResponse> {
  return inTransaction(
    db,
    async (trx) => {
      const actuals = await previousYearActuals(trx, key.unitCode, key.fiscalYear);
      return { ...actuals, projects: await lastYearResults(trx, key, actuals.previousYear) };
    },
    'repeatable read',
  );
}
