import type { Evaluation } from '../contract/evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { changeEvaluationStatusStep } from './change-evaluation-status.ts';

/** The bureau finalises one department-reviewed 自评表 (re-checked or not). */
export async function finaliseEvaluation(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number },
): Promise<Evaluation> {
  const key = validateInput(UnitYearInputSchema, input, '自评定稿');
  return inTransaction(db, (trx) => changeEvaluationStatusStep(trx, actor, key, 'finalise', {}));
}
