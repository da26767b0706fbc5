import { type PreparedTargets, prepareTargets } from '../contract/prepare-targets.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../domain/errors.ts';
import type { StatedUnit } from '../domain/targets.ts';
import { type ParsedTargets, parseTargetsFile } from './parse-targets.ts';
import { type ResolvedUnit, resolveStatedUnit } from './resolve-stated-unit.ts';

export interface UploadInput {
  content: Uint8Array | string;
  fileName: string;
  fiscalYear?: number;
  /** Refuses a file of another unit (an upload to one unit's page). */
  expectUnitCode?: string;
  /** `--unit CODE`: the unit of a file that states no 单位编码 (or its own, which must agree). */
  unitCode?: string;
}

/** An upload that passed every check before the store: what import stores, and preview and `--dry-run` show. */
export interface PreparedUpload {
  prepared: PreparedTargets;
  notes: ParsedTargets['notes'];
  tables: ParsedTargets['tables'];
  /** How the unit was found: its stated code, `--unit`, the page's unit, or its name. */
  unitMatch: ResolvedUnit['how'];
  /** The unit as the file states it (code null: none), for saying how it was matched. */
  statedUnit: StatedUnit;
}

/**
 * Every check an upload passes before anything is stored: the file read in any accepted format and layout, the
 * unit resolved (stated code, the page's unit, `--unit`, or the name matched exactly — so nothing stored holds a
 * null code), the year, the document's schema, normalised, project codes unique. importFile and previewImport
 * both call it, so a preview refuses exactly what an import would, with the same code and issues. It only reads.
 */
export async function prepareUpload(db: Db, input: UploadInput): Promise<PreparedUpload> {
  return prepareParsedUpload(db, input, await parseTargetsFile(input));
}

/** prepareUpload for a file already read (an import that first looked at what kind of document it holds). */
export async function prepareParsedUpload(db: Db, input: UploadInput, parsed: ParsedTargets): Promise<PreparedUpload> {
  const { document, notes, tables } = parsed;
  const fiscalYear = document.fiscalYear;
  if (fiscalYear === undefined) {
    throw new AppError('USAGE', `文件未写明年度，请用 --year 指定（${input.fileName}）`, {
      location: { file: input.fileName },
    });
  }
  const resolved = await resolveStatedUnit(db, document.unit, input);
  return {
    prepared: prepareTargets({ document: { ...document, unit: resolved.unit }, fiscalYear }),
    notes: [...notes, ...resolved.notes],
    tables,
    unitMatch: resolved.how,
    statedUnit: document.unit,
  };
}
