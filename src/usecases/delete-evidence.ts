import type { z } from 'zod';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { deleteAttachment } from '../db/evaluation-attachments.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { assertStep } from '../domain/evaluation/procedure.ts';

import { AttachmentKeySchema, auditEvidence, evidenceNotFound } from './evaluation-evidence.ts';

/** Deletes one 证明材料 while the 自评表 is editable (audited). */
export async function deleteEvidence(db: Db, actor: Actor, input: z.input<typeof AttachmentKeySchema>): Promise<void> {
  const key = validateInput(AttachmentKeySchema, input, '证明材料');
  await inTransaction(db, async (trx) => {
    const year = await loadEvaluatedYear(trx, key);
    assertStep('attach', year.stored?.status ?? 'none', actor.role);
    const removed = await deleteAttachment(trx, { unitId: year.unitId, fiscalYear: key.fiscalYear }, key.id);
    if (!removed) throw evidenceNotFound(key.id);
    await auditEvidence(trx, actor, key, 'delete-evaluation-evidence', removed, null);
  });
}
