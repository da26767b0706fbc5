import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import type { ImportFileResult } from './import-file.ts';
import { type ImportEvaluationResult, importEvaluation } from './import-evaluation.ts';
import { parseDocumentFile } from './parse-document.ts';
import { type UploadInput, prepareParsedUpload } from './prepare-upload.ts';
import { storeTargets } from './store-targets.ts';

/** What `jixiao import FILE` stored: targets, or a 自评表 (and the targets it created). */
export type ImportAnyResult =
  ({ kind: 'targets' } & ImportFileResult) | ({ kind: 'evaluation' } & ImportEvaluationResult);

/**
 * `jixiao import FILE`: the file read once, then stored as what it is — targets (as importFile does) or a
 * 项目支出绩效自评表 as the year's self-evaluation (importEvaluation). A 监控表 is refused: monitoring figures are
 * entered month by month in 运行监控.
 */
export async function importAnyFile(db: Db, actor: Actor, input: UploadInput): Promise<ImportAnyResult> {
  const parsed = await parseDocumentFile(input);
  if (parsed.kind === 'evaluation') {
    return { kind: 'evaluation', ...(await importEvaluation(db, actor, input, parsed.document, parsed.notes)) };
  }
  if (parsed.kind === 'monitoring') {
    throw new AppError('BAD_INPUT', `${input.fileName} 是绩效目标执行监控表；监控数据请在“运行监控”中录入`, {
      location: { file: input.fileName },
    });
  }
  const { prepared, notes } = await prepareParsedUpload(db, input, parsed);
  const stored = await inTransaction(db, (trx) => storeTargets(trx, actor, prepared));
  return { kind: 'targets', ...stored, notes };
}
