import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import type { WorkflowState } from '../domain/workflow/states.ts';
import { type BatchTransitionBody, BatchTransitionBodySchema } from '../contract/review-opinions.ts';
import { validateInput } from '../contract/validate-input.ts';
import { transitionTargets } from './transition-targets.ts';

export interface BatchItemResult {
  unitCode: string;
  fiscalYear: number;
  ok: boolean;
  state?: WorkflowState;
  code?: string;
  message?: string;
}

/**
 * Batch review or approval (批量审核/批复). Each unit-year goes through transitionTargets in its own
 * transaction, so the forms' rule holds item by item: only units whose every item is graded 优 or
 * 良 (with its note) move; the others are reported with the refusal and left as they were
 * (财预〔2015〕88号, decision 033). A refusal is audited too, so the log shows every batch item.
 */
export async function transitionTargetsBatch(
  db: Db,
  actor: Actor,
  input: BatchTransitionBody,
): Promise<{ results: BatchItemResult[] }> {
  const body = validateInput(BatchTransitionBodySchema, input, '批量操作');
  const results: BatchItemResult[] = [];
  for (const item of body.items) {
    results.push(await transitionOne(db, actor, { ...item, action: body.action, comment: body.comment }));
  }
  return { results };
}

async function transitionOne(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number; action: 'review' | 'approve'; comment?: string },
): Promise<BatchItemResult> {
  const key = { unitCode: input.unitCode, fiscalYear: input.fiscalYear };
  try {
    const moved = await transitionTargets(db, actor, input);
    return { ...key, ok: true, state: moved.state };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await inTransaction(db, (trx) =>
      recordAudit(trx, actor, {
        action: `batch-${input.action}-refused`,
        ...key,
        entity: 'target-document',
        entityKey: `${key.unitCode}/${key.fiscalYear}`,
        after: { code: error.code, message: error.message },
      }),
    );
    return { ...key, ok: false, code: error.code, message: error.message };
  }
}
