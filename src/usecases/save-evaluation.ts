import { z } from 'zod';
import { type Evaluation, SaveEvaluationBodySchema } from '../contract/evaluation.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { storeEvaluation } from './store-evaluation.ts';

const SaveEvaluationInputSchema = UnitYearInputSchema.extend(SaveEvaluationBodySchema.shape).extend({
  /** The version the 自评表 was read at (If-Match; 0 = none stored yet). Only the demo loader leaves it out. */
  expectedVersion: z.number().int().nonnegative().optional(),
});
type SaveEvaluationInput = z.input<typeof SaveEvaluationInputSchema>;

/**
 * Stores a unit-year's 自评表 whole (actuals, band choices, not-applicable flags, deviation analyses,
 * execution reasons, the 执行数 split) and returns it scored. Every code and name must exist in the
 * targets and every actual must be readable against its target. Only a draft may be saved (a submitted
 * or later one is LOCKED, decision 035). `submit` is refused while an actual, an evaluator's decision or
 * a required 偏差原因分析 is missing, with one issue per gap. A save names the version it was based on: a
 * stale one is a CONFLICT naming who saved last, and nothing is written (decision 023).
 */
export async function saveEvaluation(db: Db, actor: Actor, input: SaveEvaluationInput): Promise<Evaluation> {
  const parsed = validateInput(SaveEvaluationInputSchema, input, '自评表');
  return inTransaction(db, (trx) => storeEvaluation(trx, actor, parsed));
}
