import type { StoredUnitScore } from '../contract/evaluation.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { loadEvaluatedYear, scoreEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/** A stored unit-year scored by its policy: the 自评 as it stands (incomplete while data is missing). */
export async function scoreStoredUnitYear(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<StoredUnitScore> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(db, (trx) => scoreUnitYearIn(trx, key), 'repeatable read');
}

async function scoreUnitYearIn(db: Executor, key: { unitCode: string; fiscalYear: number }): Promise<StoredUnitScore> {
  const year = await loadEvaluatedYear(db, key);
  const result = scoreEvaluatedYear(year);
  return {
    unitCode: key.unitCode,
    fiscalYear: key.fiscalYear,
    meanScore: result.meanScore,
    incomplete: result.incomplete,
    projects: result.projects,
  };
}
