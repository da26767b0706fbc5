import { AppError } from '../domain/errors.ts';
import type { ImportNote } from '../domain/import-note.ts';
import type { StatedTargets } from '../domain/targets.ts';
import type { RecognisedTable } from '../documents/layouts/reading.ts';
import { type ParseInput, type ParsedDocument, parseDocumentFile } from './parse-document.ts';

export interface ParsedTargets {
  /** As the file states it: `unit.code` is null when the file gives none (import then matches the unit by name). */
  document: StatedTargets;
  notes: ImportNote[];
  tables: RecognisedTable[];
}

/**
 * Reads a target document from a file's bytes, whatever its format and layout (parseDocumentFile), for the callers
 * that need targets: import, review, score. A file holding only a 自评表 or a 监控表 is refused with where it goes.
 */
export async function parseTargetsFile(input: ParseInput): Promise<ParsedTargets> {
  const parsed = await parseDocumentFile(input);
  if (parsed.kind !== 'targets') throw notTargets(parsed, input.fileName);
  return { document: parsed.document, notes: parsed.notes, tables: parsed.tables };
}

function notTargets(parsed: Exclude<ParsedDocument, { kind: 'targets' }>, fileName: string): AppError {
  const message =
    parsed.kind === 'evaluation'
      ? `${fileName} 是项目支出绩效自评表，不是绩效目标表；请用命令 jixiao import 将其导入为该年度的自评，或在“绩效自评”页录入`
      : `${fileName} 是绩效目标执行监控表，不是绩效目标表；请用命令 jixiao import 将其导入为该年度的监控，或在“运行监控”页录入`;
  return new AppError('BAD_INPUT', message, { location: { file: fileName } });
}
