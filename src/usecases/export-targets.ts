import type { ExportFormat } from '../contract/documents.ts';
import type { Db } from '../db/database.ts';
import { type ExportedFile, renderTargets } from '../documents/targets-export.ts';
import { getTargets } from './get-targets.ts';

/** A unit-year's targets as a file in one of the export formats (exchange JSON, text, Word, PDF, Excel). */
export async function exportTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number; format: ExportFormat },
): Promise<ExportedFile> {
  const { document } = await getTargets(db, { unitCode: input.unitCode, fiscalYear: input.fiscalYear });
  return renderTargets(document, input.fiscalYear, input.format);
}
