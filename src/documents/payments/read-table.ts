import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { assertWorkbookXmlSafe } from '../xlsx/xlsx-guard.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, assertFileSize, readZipSafely } from '../zip-guard.ts';
import { decodeCsvBytes, parseCsv } from './csv.ts';
import { fileProblem } from '../../domain/import-problems.ts';

const XLSX_ZIP_LIMITS = { maxEntries: 500, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/**
 * A payments file as rows of cell texts (row 1 first): .xlsx (first worksheet) or CSV. Dates
 * become 'YYYY-MM-DD' and numbers their shortest decimal text, so amounts are read exactly later.
 */
export async function readTable(bytes: Uint8Array, fileName: string): Promise<string[][]> {
  const buffer = Buffer.from(bytes);
  assertFileSize(buffer, DEFAULT_MAX_UPLOAD_BYTES, fileName);
  if (extname(fileName).toLowerCase() !== '.xlsx') return parseCsv(decodeCsvBytes(bytes), fileName);
  const entries = await readZipSafely(buffer, { fileName, limits: XLSX_ZIP_LIMITS });
  assertWorkbookXmlSafe(entries, fileName);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw fileProblem('unreadable-workbook', `${fileName}：工作簿无法读取（${(error as Error).message}）`, {
      file: fileName,
    });
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw fileProblem('no-sheet', `${fileName}：工作簿中没有工作表`, { file: fileName });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  return '';
}
