import type { Executor } from '../db/schema.ts';
import { findWorkflow } from '../db/workflow.repo.ts';
import { AppError } from '../domain/errors.ts';
import { lockedMessage } from '../domain/workflow/states.ts';

/**
 * Refuses a write to targets under review or approved (LOCKED), inside the writer's transaction
 * and after it has locked the document row, so a concurrent transition cannot slip in between.
 */
export async function assertTargetsEditable(trx: Executor, documentId: number): Promise<void> {
  const { state } = await findWorkflow(trx, documentId);
  const message = lockedMessage(state);
  if (message !== null) throw new AppError('LOCKED', message, { location: { field: 'state' } });
}
