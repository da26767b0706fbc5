import type { Db } from '../db/database.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { importTargets } from './import-targets.ts';
import { type ParsedTargets, parseTargetsFile } from './parse-targets.ts';

export interface ImportFileResult {
  unitCode: string;
  fiscalYear: number;
  projects: number;
  indicators: number;
  replaced: boolean;
  notes: ParsedTargets['notes'];
}

/**
 * Parse a file in any accepted format (.txt, .json, .docx, .xlsx) and store it as the unit-year's targets,
 * all or nothing, through importTargets. `expectUnitCode` refuses a file of another unit (an upload to
 * one unit's page).
 */
export async function importFile(
  db: Db,
  actor: Actor,
  input: { content: Uint8Array | string; fileName: string; fiscalYear?: number; expectUnitCode?: string },
): Promise<ImportFileResult> {
  const { document, notes } = await parseTargetsFile(input);
  if (input.expectUnitCode !== undefined) assertUnit(document.unit.code, input.expectUnitCode, input.fileName);
  const fiscalYear = document.fiscalYear;
  if (fiscalYear === undefined) {
    throw new AppError('USAGE', `文件未写明年度，请用 --year 指定（${input.fileName}）`, {
      location: { file: input.fileName },
    });
  }
  const stored = await importTargets(db, actor, { document, fiscalYear });
  return { ...stored, notes };
}

export function assertUnit(actual: string, expected: string, fileName: string): void {
  if (actual !== expected) {
    throw new AppError('VALIDATION', `文件中的单位编码是 ${actual}，不是当前单位 ${expected}`, {
      location: { file: fileName, path: ['unit', 'code'] },
    });
  }
}
