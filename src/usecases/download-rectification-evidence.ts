import { z } from 'zod';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { loadNoticeFile } from '../db/results.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../domain/errors.ts';
import { NoticeKeySchema, requireNotice } from './rectification-access.ts';

const FileKeySchema = NoticeKeySchema.extend({ fileId: z.number().int().positive() });

/** One evidence file of a 整改通知, as stored. */
export async function downloadRectificationEvidence(
  db: Db,
  input: z.input<typeof FileKeySchema>,
): Promise<{ content: Buffer; contentType: string; fileName: string }> {
  const key = validateInput(FileKeySchema, input, '整改证明材料');
  const file = await inTransaction(db, async (trx) => {
    const notice = await requireNotice(trx, key);
    return loadNoticeFile(trx, notice.id, key.fileId);
  });
  if (!file) throw new AppError('NOT_FOUND', `没有编号为 ${key.fileId} 的证明材料`, { location: { field: 'fileId' } });
  return { content: Buffer.from(file.content), contentType: file.mediaType, fileName: file.fileName };
}
