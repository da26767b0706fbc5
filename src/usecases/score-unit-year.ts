import type { StoredUnitScore } from '../contract/evaluation.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { scoreProjects, type UnitScoreResult } from '../domain/scoring/index.ts';
import { actualsOf, type EvaluatedYear, loadEvaluatedYear } from './evaluation-context.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

/** A stored unit-year scored by its policy: the 自评 as it stands (incomplete while data is missing). */
export async function scoreStoredUnitYear(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<StoredUnitScore> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(db, (trx) => scoreUnitYearIn(trx, key), 'repeatable read');
}

export async function scoreUnitYearIn(
  db: Executor,
  key: { unitCode: string; fiscalYear: number },
): Promise<StoredUnitScore> {
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

export function scoreEvaluatedYear(year: EvaluatedYear): UnitScoreResult {
  return scoreProjects(year.projects, (project) => actualsOf(year, project), year.policy);
}
