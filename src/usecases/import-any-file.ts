import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import type { ImportFileResult } from './import-file.ts';
import { type ImportEvaluationResult, importEvaluation } from './import-evaluation.ts';
import { type ImportMonitoringResult, importMonitoring } from './import-monitoring.ts';
import { parseDocumentFile } from './parse-document.ts';
import { type UploadInput, prepareParsedUpload } from './prepare-upload.ts';
import { storeTargets } from './store-targets.ts';

/** What `jixiao import FILE` stored: targets, a 自评表 (and the targets it created), or a 监控表. */
export type ImportAnyResult =
  | ({ kind: 'targets' } & ImportFileResult)
  | ({ kind: 'evaluation' } & ImportEvaluationResult)
  | ({ kind: 'monitoring' } & ImportMonitoringResult);

/**
 * `jixiao import FILE`: the file read once, then stored as what it is — targets (as importFile does) or a
 * 项目支出绩效自评表 as the year's self-evaluation (importEvaluation), or a 监控表 as the year's monitoring at its
 * month (importMonitoring, against the stored targets).
 */
export async function importAnyFile(db: Db, actor: Actor, input: UploadInput): Promise<ImportAnyResult> {
  const parsed = await parseDocumentFile(input);
  if (parsed.kind === 'evaluation') {
    return { kind: 'evaluation', ...(await importEvaluation(db, actor, input, parsed.document, parsed.notes)) };
  }
  if (parsed.kind === 'monitoring') {
    return { kind: 'monitoring', ...(await importMonitoring(db, actor, input, parsed.document, parsed.notes)) };
  }
  const { prepared, notes } = await prepareParsedUpload(db, input, parsed);
  const stored = await inTransaction(db, (trx) => storeTargets(trx, actor, prepared));
  return { kind: 'targets', ...stored, notes };
}
