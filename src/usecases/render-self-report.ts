import { z } from 'zod';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { renderDocument } from '../documents/render/render-pool.ts';
import type { ExportedFile } from '../documents/targets-export.ts';
import { readSelfReport } from './read-self-report.ts';

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

const RenderInputSchema = UnitYearInputSchema.extend({
  projectCode: z.string().trim().min(1).optional(),
  version: z.number().int().positive().optional(),
  format: z.enum(['docx', 'pdf']),
});

/**
 * A project's or the department's 自评报告 as Word or PDF (decision 046), its charts rendered server-side from the
 * web's ECharts options, in a render thread like every export (decision 022). The disclosure package calls this too.
 */
export async function renderSelfReport(db: Db, input: z.input<typeof RenderInputSchema>): Promise<ExportedFile> {
  const key = validateInput(RenderInputSchema, input, '自评报告');
  const { report } = await inTransaction(db, (trx) => readSelfReport(trx, key), 'repeatable read');
  const content = await renderDocument({ kind: 'self-report', format: key.format, report });
  return {
    content,
    contentType: CONTENT_TYPES[key.format],
    extension: key.format,
    fileName: `${report.title}.${key.format}`,
  };
}
