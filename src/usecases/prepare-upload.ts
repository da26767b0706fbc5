import { type PreparedTargets, prepareTargets } from '../contract/prepare-targets.ts';
import { AppError } from '../domain/errors.ts';
import { type ParsedTargets, parseTargetsFile } from './parse-targets.ts';

export interface UploadInput {
  content: Uint8Array | string;
  fileName: string;
  fiscalYear?: number;
  /** Refuses a file of another unit (an upload to one unit's page). */
  expectUnitCode?: string;
}

/** An upload that passed every check that needs no database: what import stores and preview shows. */
export interface PreparedUpload {
  prepared: PreparedTargets;
  notes: ParsedTargets['notes'];
}

/**
 * Every check an upload passes before the database is asked: the file read in any accepted format
 * (.txt, .json, .docx, .xlsx), the unit of the page, the year, the document's schema, normalised,
 * project codes unique. importFile and previewImport both call it, so a preview refuses exactly what
 * an import would, with the same code and issues.
 */
export async function prepareUpload(input: UploadInput): Promise<PreparedUpload> {
  const { document, notes } = await parseTargetsFile(input);
  if (input.expectUnitCode !== undefined) assertUnit(document.unit.code, input.expectUnitCode, input.fileName);
  const fiscalYear = document.fiscalYear;
  if (fiscalYear === undefined) {
    throw new AppError('USAGE', `文件未写明年度，请用 --year 指定（${input.fileName}）`, {
      location: { file: input.fileName },
    });
  }
  return { prepared: prepareTargets({ document, fiscalYear }), notes };
}

function assertUnit(actual: string, expected: string, fileName: string): void {
  if (actual !== expected) {
    throw new AppError('VALIDATION', `文件中的单位编码是 ${actual}，不是当前单位 ${expected}`, {
      location: { file: fileName, path: ['unit', 'code'] },
    });
  }
}
