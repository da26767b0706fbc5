import ExcelJS from 'exceljs';
import type { TargetsDocument } from '../../../domain/targets.ts';
import { AMOUNT_FORMAT } from '../../xlsx/layout.ts';
import { BOLD, CENTER, FONT, TITLE_FONT, fitRowHeights, sheetName, styleBlock } from '../../xlsx/style.ts';
import type { LayoutDef } from '../layout.ts';
import { type FormCell, type FormTable, layoutForms } from './form-table.ts';

/** Excel column units the widest form spreads over (A4 landscape at 100%; fitToWidth scales the rest). */
const SHEET_WIDTH = 120;

/**
 * A unit's targets in a province's form as a workbook (issue 15): one sheet per form — the title, the unit and
 * money-unit lines, then the table with merged ranges — set up for A4 (landscape when wide), fitted to the page
 * width. Amounts go in as numbers where Excel shows them exactly (12 significant digits), else as text.
 */
export async function writeLayoutXlsx(document: TargetsDocument, layout: LayoutDef): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao';
  book.created = new Date(Date.UTC(2020, 0, 1));
  book.modified = book.created;
  const names = new Set<string>();
  for (const form of layoutForms(document, layout)) addFormSheet(book, form, uniqueName(names, form.name), layout);
  if (book.worksheets.length === 0) book.addWorksheet(sheetName(layout.title));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function uniqueName(taken: Set<string>, wanted: string): string {
  let name = sheetName(wanted);
  for (let n = 2; taken.has(name); n += 1) name = sheetName(`${wanted.slice(0, 27)}(${n})`);
  taken.add(name);
  return name;
}

function addFormSheet(book: ExcelJS.Workbook, form: FormTable, name: string, layout: LayoutDef): void {
  const sheet = book.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: form.width > 8 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
  });
  const total = form.weights.reduce((a, b) => a + b, 0);
  const scale = (form.width > 8 ? SHEET_WIDTH : SHEET_WIDTH * 0.7) / total;
  form.weights.forEach((weight, i) => (sheet.getColumn(i + 1).width = Math.max(6, Math.round(weight * scale))));
  line(sheet, 1, form.width, form.title, TITLE_FONT, 'center');
  form.above.forEach((text, i) =>
    line(sheet, 2 + i, form.width, text, FONT, /^单位[：:]/.test(text) ? 'right' : 'left'),
  );
  const top = 2 + form.above.length;
  for (const cell of form.cells) writeCell(sheet, top, cell, layout.moneyUnit.unit === '元');
  const last = top + form.rowCount - 1;
  if (form.rowCount > 0) {
    styleBlock(sheet, top, 1, last, form.width);
    for (const cell of form.cells) styleCell(sheet.getCell(top + cell.row, 1 + cell.column), cell);
    fitRowHeights(sheet, top, last);
  }
  sheet.getRow(1).height = 24;
  // The indicator head repeats on every printed page.
  sheet.pageSetup.printTitlesRow = `${top + form.head.first}:${top + form.head.last}`;
}

function line(
  sheet: ExcelJS.Worksheet,
  row: number,
  width: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  horizontal: 'left' | 'center' | 'right',
): void {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { horizontal, vertical: 'middle' };
}

function writeCell(sheet: ExcelJS.Worksheet, top: number, cell: FormCell, yuan: boolean): void {
  const row = top + cell.row;
  const column = 1 + cell.column;
  if (cell.rowSpan > 1 || cell.colSpan > 1)
    sheet.mergeCells(row, column, row + cell.rowSpan - 1, column + cell.colSpan - 1);
  const target = sheet.getCell(row, column);
  const number = cell.role === 'amount' ? exactNumber(cell.text) : null;
  target.value = number ?? cell.text;
  if (number !== null && yuan) target.numFmt = AMOUNT_FORMAT;
}

/** The amount as a number when Excel shows it digit for digit (12 significant digits at most), else null. */
function exactNumber(text: string): number | null {
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return null;
  const significant = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return significant.length <= 12 ? Number(text) : null;
}

function styleCell(target: ExcelJS.Cell, cell: FormCell): void {
  if (cell.role === 'label') {
    target.font = BOLD;
    target.alignment = CENTER;
  } else if (cell.role === 'amount') {
    target.alignment = { vertical: 'middle', horizontal: 'right', wrapText: true };
  } else if (cell.text.length <= 12 && !cell.text.includes('\n')) {
    target.alignment = CENTER;
  }
}
