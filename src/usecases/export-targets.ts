import type { ExportFormat } from '../contract/documents.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../domain/errors.ts';
import { PRINTABLE_LAYOUTS } from '../documents/layouts/write/printable.ts';
import { type ExportedFile, renderLayout, renderTargets } from '../documents/targets-export.ts';
import { getTargets } from './get-targets.ts';

/** The ids of the provincial forms targets print in (`--layout`, `?layout=`), registry order. */
export const PRINTABLE_LAYOUT_IDS = PRINTABLE_LAYOUTS.map((layout) => layout.id);

/**
 * A unit-year's targets as a file in one of the export formats (exchange JSON, text, Word, PDF, Excel); with
 * `layout`, Word or Excel in that province's form (issue 15) instead of Jixiao's own.
 */
export async function exportTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number; format: ExportFormat; layout?: string | undefined },
): Promise<ExportedFile> {
  const { layout: id, format } = input;
  const layout = id === undefined ? undefined : PRINTABLE_LAYOUTS.find((l) => l.id === id);
  if (id !== undefined && !layout)
    throw new AppError('VALIDATION', `没有表样“${id}”：可用 ${PRINTABLE_LAYOUT_IDS.join('、')}`, {
      location: { field: 'layout' },
    });
  if (layout && format !== 'docx' && format !== 'xlsx')
    throw new AppError('VALIDATION', `表样（${layout.name}）只能导出为 docx 或 xlsx，不能导出为 ${format}`, {
      location: { field: 'format' },
    });
  const { document } = await getTargets(db, { unitCode: input.unitCode, fiscalYear: input.fiscalYear });
  if (layout && (format === 'docx' || format === 'xlsx'))
    return renderLayout(document, input.fiscalYear, format, layout);
  return renderTargets(document, input.fiscalYear, format);
}
