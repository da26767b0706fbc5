import type { z } from 'zod';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { loadAttachment } from '../db/evaluation-attachments.repo.ts';
import { inTransaction } from '../db/transaction.ts';

import { AttachmentKeySchema, evidenceNotFound } from './evaluation-evidence.ts';

/** One 证明材料 with its bytes, as stored. */
export async function downloadEvidence(
  db: Db,
  input: z.input<typeof AttachmentKeySchema>,
): Promise<{ content: Buffer; contentType: string; fileName: string }> {
  const key = validateInput(AttachmentKeySchema, input, '证明材料');
  const file = await inTransaction(db, async (trx) => {
    const year = await loadEvaluatedYear(trx, key);
    return loadAttachment(trx, { unitId: year.unitId, fiscalYear: key.fiscalYear }, key.id);
  });
  if (!file) throw evidenceNotFound(key.id);
  return { content: Buffer.from(file.content), contentType: file.mediaType, fileName: file.fileName };
}
