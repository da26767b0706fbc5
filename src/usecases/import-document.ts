import type { Db } from '../db/database.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { importTargets } from './import-targets.ts';
import { type ParsedTargets, parseTargets } from './parse-targets.ts';

export interface ImportDocumentResult {
  unitCode: string;
  fiscalYear: number;
  projects: number;
  indicators: number;
  replaced: boolean;
  notes: ParsedTargets['notes'];
}

/** Parse a file and store it as the unit-year's targets, all or nothing. */
export async function importDocument(
  db: Db,
  actor: Actor,
  input: { content: Uint8Array | string; fileName: string; fiscalYear?: number },
): Promise<ImportDocumentResult> {
  const { document, notes } = parseTargets(input);
  const fiscalYear = document.fiscalYear;
  if (fiscalYear === undefined) {
    throw new AppError('USAGE', `文件未写明年度，请用 --year 指定（${input.fileName}）`, { location: { file: input.fileName } });
  }
  const stored = await importTargets(db, actor, { document, fiscalYear });
  return { ...stored, notes };
}
