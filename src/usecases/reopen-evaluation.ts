import type { z } from 'zod';
import { type Evaluation, ReasonBodySchema } from '../contract/evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { changeEvaluationStatusStep } from './change-evaluation-status.ts';

const ReopenInputSchema = UnitYearInputSchema.extend(ReasonBodySchema.shape);

/** The bureau reopens a 自评表 (final, or one still in review) with a reason: it returns to the unit as a draft. */
export async function reopenEvaluation(
  db: Db,
  actor: Actor,
  input: z.input<typeof ReopenInputSchema>,
): Promise<Evaluation> {
  const parsed = validateInput(ReopenInputSchema, input, '重新打开自评表');
  const reason = parsed.reason.trim();
  return inTransaction(db, (trx) =>
    changeEvaluationStatusStep(trx, actor, parsed, 'reopen', { reviewComment: reason, audit: { reason } }),
  );
}
