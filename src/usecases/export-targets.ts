import type { Db } from '../db/database.ts';
import { writeSeedText } from '../documents/seed-text/write-seed-text.ts';
import { getTargets } from './get-targets.ts';

export const EXPORT_FORMATS = ['json', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  content: string;
  contentType: string;
  extension: string;
  /** A Chinese file name a person recognises: "秦皇岛市山海关区总工会2020年绩效目标.txt". */
  fileName: string;
}

export async function exportTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number; format: ExportFormat },
): Promise<ExportedFile> {
  const { document } = await getTargets(db, { unitCode: input.unitCode, fiscalYear: input.fiscalYear });
  const baseName = `${document.unit.name}${input.fiscalYear}年绩效目标`;
  if (input.format === 'text') {
    return { content: writeSeedText(document), contentType: 'text/plain; charset=utf-8', extension: 'txt', fileName: `${baseName}.txt` };
  }
  return {
    content: `${JSON.stringify(document, null, 2)}\n`,
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    fileName: `${baseName}.json`,
  };
}
