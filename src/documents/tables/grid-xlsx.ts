import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { assertWorkbookXmlSafe } from '../xlsx/xlsx-guard.ts';
import { readZipSafely } from '../zip-guard.ts';
import type { Grid, GridFile } from './grid.ts';
import { type RawCell, badInput, cleanCellText, makeGrid } from './grid-cells.ts';

/** Same bounds as the targets workbook reader: a department's workbook is small. */
const XLSX_ZIP_LIMITS = { maxEntries: 500, maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/**
 * Every visible sheet of an .xlsx as one grid cropped to its used range; merged ranges are filled (copies
 * marked 'merge') and values read as a person sees them. Hidden sheets are helper data, not tables to import.
 */
export async function readXlsxGrids(buffer: Buffer, fileName: string): Promise<GridFile> {
  const entries = await readZipSafely(buffer, { fileName, limits: XLSX_ZIP_LIMITS });
  if (!entries.has('xl/workbook.xml')) throw badInput(fileName, '不是 Excel 工作簿（缺少 xl/workbook.xml）');
  assertWorkbookXmlSafe(entries, fileName);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw badInput(fileName, `工作簿无法读取（${(error as Error).message}）`);
  }
  const grids: Grid[] = [];
  for (const sheet of book.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const grid = sheetGrid(sheet, grids.length + 1);
    if (grid) grids.push(grid);
  }
  return { fileName, kind: 'xlsx', grids, paragraphs: [] };
}

function sheetGrid(sheet: Worksheet, index: number): Grid | null {
  const range = usedRange(sheet);
  if (!range) return null;
  const cells: RawCell[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row: RawCell[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const cell = sheet.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      row.push({ text: shownText(master), origin: master.address === cell.address ? 'own' : 'merge' });
    }
    cells.push(row);
  }
  return makeGrid({
    index,
    source: `工作表“${sheet.name}”`,
    cells,
    above: [],
    address: { style: 'a1', sheet: sheet.name, firstRow: range.top, firstColumn: range.left },
  });
}

/** The smallest rectangle holding every non-empty cell (a merged range counts whole). */
function usedRange(sheet: Worksheet): { top: number; bottom: number; left: number; right: number } | null {
  let range: { top: number; bottom: number; left: number; right: number } | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (shownText(cell.isMerged ? cell.master : cell) === '') return;
      range = range
        ? {
            top: Math.min(range.top, r),
            bottom: Math.max(range.bottom, r),
            left: Math.min(range.left, c),
            right: Math.max(range.right, c),
          }
        : { top: r, bottom: r, left: c, right: c };
    });
  });
  return range;
}

/** The text a person sees: rich text joined, a formula's cached result, numbers without float noise. */
function shownText(cell: Cell): string {
  return cleanCellText(valueText(cell.value, cell.numFmt ?? ''));
}

function valueText(value: unknown, numFmt: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return valueText(v.result, numFmt);
    if (typeof v.error === 'string') return v.error;
    if (typeof v.text === 'string') return v.text;
    if (typeof v.text === 'object') return valueText(v.text, numFmt);
  }
  return '';
}

/**
 * 12 significant digits drop binary noise (12.499999999999998 → 12.5); a percent format shows the value as Excel
 * does, with the format's decimals ("0.00%": 0.96 → "96.00%", "0%": 0.955 → "96%"; "General" percent: "95.5%").
 */
function numberText(value: number, numFmt: string): string {
  if (!Number.isFinite(value)) return String(value);
  const percent = numFmt.includes('%');
  const shown = Number((percent ? value * 100 : value).toPrecision(12));
  const decimals = percent ? /0(?:\.(0+))?\s*%/.exec(numFmt) : null;
  if (decimals) return `${shown.toFixed(decimals[1]?.length ?? 0)}%`;
  const text = /e/i.test(String(shown))
    ? shown.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
    : String(shown);
  return percent ? `${text}%` : text;
}

/** Excel keeps dates in UTC: YYYY-MM-DD, or YYYY.MM when the format shows no day. */
function dateText(date: Date, numFmt: string): string {
  const year = String(date.getUTCFullYear());
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  const format = numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
  const monthsOnly = /y/.test(format) && /m/.test(format) && !/d/.test(format) && !/[hs]/.test(format);
  return monthsOnly ? `${year}.${month}` : `${year}-${month}-${day}`;
}
