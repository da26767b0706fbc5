import { z } from 'zod';
import type { Attachment } from '../contract/evaluation.ts';
import { ProjectKeyInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { countAttachments, insertAttachment } from '../db/evaluation-attachments.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { MAX_EVIDENCE_FILES, checkEvidence } from '../domain/evaluation/evidence.ts';
import { assertStep } from '../domain/evaluation/procedure.ts';
import { projectNotFound } from '../domain/not-found.ts';

import { auditEvidence, shown } from './evaluation-evidence.ts';

const UploadInputSchema = ProjectKeyInputSchema.extend({
  fileName: z.string().trim().min(1).max(255),
  content: z.custom<Uint8Array>((value) => value instanceof Uint8Array, '请上传文件'),
});

/** Stores one 证明材料 of a project while the 自评表 is editable: type by content, size and count limited. */
export async function uploadEvidence(
  db: Db,
  actor: Actor,
  input: z.input<typeof UploadInputSchema>,
): Promise<Attachment> {
  const parsed = validateInput(UploadInputSchema, input, '证明材料');
  const file = checkEvidence(parsed.content, parsed.fileName);
  return inTransaction(db, async (trx) => {
    const year = await loadEvaluatedYear(trx, parsed);
    assertStep('attach', year.stored?.status ?? 'none', actor.role);
    if (!year.projects.some((p) => p.code === parsed.projectCode)) throw projectNotFound(parsed);
    const ref = { unitId: year.unitId, fiscalYear: parsed.fiscalYear };
    if ((await countAttachments(trx, ref, parsed.projectCode)) >= MAX_EVIDENCE_FILES) {
      throw new AppError('VALIDATION', `每个项目最多上传 ${MAX_EVIDENCE_FILES} 个证明材料，请先删除不需要的文件`, {
        location: { field: 'file' },
      });
    }
    const stored = await insertAttachment(trx, ref, {
      projectCode: parsed.projectCode,
      fileName: file.fileName,
      mediaType: file.mediaType,
      content: parsed.content,
      uploadedBy: actor.username,
    });
    await auditEvidence(trx, actor, parsed, 'upload-evaluation-evidence', null, stored);
    return shown(stored);
  });
}
