import ExcelJS from 'exceljs';
import { TARGETS_FORMAT, type TargetsDocument } from '../../domain/targets.ts';
import type { ImportNote } from '../../domain/import-note.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, assertFileSize, readZipSafely } from '../zip-guard.ts';
import type { SheetContext } from './cells.ts';
import { SHEETS } from './layout.ts';
import { readIndicatorRows } from './read-indicator-rows.ts';
import { readOverallSheet } from './read-overall-sheet.ts';
import { readProjectRows } from './read-project-rows.ts';
import { assertWorkbookXmlSafe } from './xlsx-guard.ts';
import { fileProblem } from '../../domain/import-problems.ts';

export interface XlsxReadResult {
  document: TargetsDocument;
  notes: ImportNote[];
}

/** An .xlsx of a unit-year is small; these bound what a hostile upload may make the server inflate. */
const XLSX_ZIP_LIMITS = { maxEntries: 500, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/**
 * Reads the Jixiao template or export (总体目标, 项目, 指标明细; see layout.ts) into the model. Hostile files
 * are refused before exceljs sees them (zip-guard limits, XML declarations, huge ranges); every reading
 * error names the sheet and cell. All or nothing: a document is returned only when every row was read.
 */
export async function readTargetsXlsx(buffer: Buffer, options: { fileName: string }): Promise<XlsxReadResult> {
  const { fileName } = options;
  assertFileSize(buffer, DEFAULT_MAX_UPLOAD_BYTES, fileName);
  const entries = await readZipSafely(buffer, { fileName, limits: XLSX_ZIP_LIMITS });
  if (!entries.has('xl/workbook.xml')) {
    throw fileProblem('not-excel', `${fileName}：不是 Excel 工作簿（缺少 xl/workbook.xml）`, { file: fileName });
  }
  assertWorkbookXmlSafe(entries, fileName);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw fileProblem('unreadable-workbook', `${fileName}：工作簿无法读取（${(error as Error).message}）`, {
      file: fileName,
    });
  }
  const ctx: SheetContext = { fileName, notes: [] };
  const sheet = (name: string) => {
    const found = book.getWorksheet(name);
    if (!found) {
      const names = book.worksheets.map((s) => `“${s.name}”`).join('、');
      throw fileProblem(
        'missing-sheet',
        `${fileName}：找不到工作表“${name}”（工作簿中有 ${names}）。请使用 Jixiao 的模板或导出文件`,
        { file: fileName, sheet: name },
      );
    }
    return found;
  };
  const { unit, fiscalYear, overall } = readOverallSheet(ctx, sheet(SHEETS.overall));
  const projects = readProjectRows(ctx, sheet(SHEETS.projects));
  readIndicatorRows(ctx, sheet(SHEETS.indicators), projects);
  const document: TargetsDocument = {
    format: TARGETS_FORMAT,
    unit,
    ...(fiscalYear === undefined ? {} : { fiscalYear }),
    overall,
    projects: projects.map((entry) => entry.project),
  };
  return { document, notes: ctx.notes };
}
