import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { zipParts } from '../documents/docx/zip-writer.ts';
import type { Db } from '../db/database.ts';
import { loadEvaluatedYear } from '../db/evaluated-year.repo.ts';
import { loadAllAttachments } from '../db/evaluation-attachments.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { safeFileName } from '../domain/file-names.ts';
import { exportReport } from './export-reports.ts';

/** The unit-year's 自评 package: the 自评表 (Word) and every project's 证明材料 under 证明材料/<项目编码>/. */
export async function exportEvaluationPackage(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<{ content: Buffer; fileName: string }> {
  const key = validateInput(UnitYearInputSchema, input, '导出条件');
  const form = await exportReport(db, { ...key, kind: 'evaluation', format: 'docx' });
  const files = await inTransaction(db, async (trx) => {
    const year = await loadEvaluatedYear(trx, key);
    return loadAllAttachments(trx, { unitId: year.unitId, fiscalYear: key.fiscalYear });
  });
  const parts: [string, Buffer][] = [
    [safeFileName(form.fileName), Buffer.from(form.content)],
    ...files.map((f): [string, Buffer] => [
      `证明材料/${safeFileName(f.projectCode)}/${f.id}-${safeFileName(f.fileName)}`,
      Buffer.from(f.content),
    ]),
  ];
  return {
    content: zipParts(parts, new Date()),
    fileName: `${key.unitCode}-${key.fiscalYear}年度自评材料.zip`,
  };
}
