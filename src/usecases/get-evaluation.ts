import type { Evaluation } from '../contract/evaluation.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { loadEvaluatedYear, presentEvaluation } from '../db/evaluated-year.repo.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/** The 自评表 of a unit-year: targets, year-end money, what was entered, the scores, and what is still owed. */
export async function getEvaluation(db: Db, input: { unitCode: string; fiscalYear: number }): Promise<Evaluation> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(db, (trx) => readEvaluation(trx, key), 'repeatable read');
}

async function readEvaluation(db: Executor, key: { unitCode: string; fiscalYear: number }): Promise<Evaluation> {
  return presentEvaluation(await loadEvaluatedYear(db, key));
}
