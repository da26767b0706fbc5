import { z } from 'zod';
import type { Notice } from '../contract/results.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { countNoticeFiles, insertNoticeFile } from '../db/results.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { MAX_EVIDENCE_FILES, checkEvidence } from '../domain/evaluation/evidence.ts';
import { todayUtc } from '../domain/monitoring/as-of-month.ts';
import { isOpen } from '../domain/results/notice.ts';
import { NoticeKeySchema, requireNotice } from './rectification-access.ts';
import { presentNotice } from './rectification-view.ts';

const UploadInputSchema = NoticeKeySchema.extend({
  fileName: z.string().trim().min(1).max(255),
  content: z.custom<Uint8Array>((value) => value instanceof Uint8Array, '请上传文件'),
});

/**
 * The unit's evidence for its 整改 reply, under the 自评 证明材料's guard (type by content, size, count; decision
 * 035), while the notice waits on the unit (待整改/整改中).
 */
export async function uploadRectificationEvidence(
  db: Db,
  actor: Actor,
  input: z.input<typeof UploadInputSchema>,
): Promise<Notice> {
  const parsed = validateInput(UploadInputSchema, input, '整改证明材料');
  const file = checkEvidence(parsed.content, parsed.fileName);
  return inTransaction(db, async (trx) => {
    const notice = await requireNotice(trx, parsed);
    if (!isOpen(notice.state)) {
      throw new AppError('CONFLICT', `整改通知已是“${notice.state}”，不能再上传证明材料`, {
        location: { field: 'file' },
      });
    }
    if ((await countNoticeFiles(trx, notice.id)) >= MAX_EVIDENCE_FILES) {
      throw new AppError('VALIDATION', `每个整改通知最多上传 ${MAX_EVIDENCE_FILES} 个证明材料`, {
        location: { field: 'file' },
      });
    }
    const id = await insertNoticeFile(trx, {
      noticeId: notice.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      content: parsed.content,
      uploadedBy: actor.displayName || actor.username,
    });
    await recordAudit(trx, actor, {
      action: 'upload-rectification-evidence',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'rectification',
      entityKey: String(notice.id),
      before: null,
      after: { fileId: id, fileName: file.fileName, mediaType: file.mediaType, size: parsed.content.length },
    });
    return presentNotice(await requireNotice(trx, parsed), todayUtc());
  });
}
