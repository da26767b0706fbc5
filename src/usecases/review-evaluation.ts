import type { z } from 'zod';
import { type Evaluation, ReviewEvaluationBodySchema } from '../contract/evaluation.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { changeEvaluationStatusStep } from './change-evaluation-status.ts';
import { AppError } from '../domain/errors.ts';

const ReviewInputSchema = UnitYearInputSchema.extend(ReviewEvaluationBodySchema.shape);

/** The department approves a submitted 自评表 (→ reviewed) or returns it with a comment (→ draft). */
export async function reviewEvaluation(
  db: Db,
  actor: Actor,
  input: z.input<typeof ReviewInputSchema>,
): Promise<Evaluation> {
  const parsed = validateInput(ReviewInputSchema, input, '自评审核');
  const comment = parsed.comment?.trim() ?? '';
  if (parsed.decision === 'return' && comment === '') {
    throw new AppError('VALIDATION', '退回须填写审核意见', { location: { path: ['comment'] } });
  }
  return inTransaction(db, (trx) =>
    changeEvaluationStatusStep(trx, actor, parsed, parsed.decision, { reviewComment: comment, audit: { comment } }),
  );
}
