import type { Alignment, Borders, Cell, Fill, Font, Row, Worksheet } from 'exceljs';

/** Chinese government forms are set in 宋体; Excel and WPS substitute it where missing. */
export const FONT: Partial<Font> = { name: '宋体', size: 11 };
export const BOLD: Partial<Font> = { ...FONT, bold: true };
export const TITLE_FONT: Partial<Font> = { name: '黑体', size: 14, bold: true };

const THIN = { style: 'thin' as const };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const WRAP: Partial<Alignment> = { vertical: 'middle', wrapText: true };
export const CENTER: Partial<Alignment> = { vertical: 'middle', horizontal: 'center', wrapText: true };

export function styleHeaderRow(row: Row): void {
  row.eachCell((cell) => {
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = CENTER;
  });
}

export function styleDataCell(cell: Cell): void {
  cell.font = FONT;
  cell.border = BORDER;
  cell.alignment = WRAP;
}

/** Borders and wrapping on every cell of a rectangular block (1-based, inclusive). */
export function styleBlock(sheet: Worksheet, top: number, left: number, bottom: number, right: number): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) styleDataCell(sheet.getCell(r, c));
  }
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
}

/** Amounts go in as numbers (so sums work) when a double holds them exactly, else as text. */
export function amountCellValue(amount: string | null): number | string | null {
  if (amount === null) return null;
  const digits = amount.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return digits.length <= 15 ? Number(amount) : amount;
}

/** Display width of text in Excel column units: a CJK character takes two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * Excel and LibreOffice do not grow a row for wrapped text in a file that was not saved by them, so
 * each row gets a height from its longest cell: lines = text width / width of the (merged) cell.
 */
export function fitRowHeights(sheet: Worksheet, first: number, last: number, lineHeight = 15): void {
  for (let r = first; r <= last; r++) {
    let lines = 1;
    const row = sheet.getRow(r);
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = cell.text ?? '';
      if (text === '') return;
      const width = spanWidth(sheet, r, Number(cell.col)) * 0.95;
      const needed = text
        .split('\n')
        .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / Math.max(width, 1))), 0);
      lines = Math.max(lines, needed);
    });
    row.height = Math.min(409, lines * lineHeight);
  }
}

/** Width of the cell at (row, col), including the columns a horizontal merge adds to it. */
function spanWidth(sheet: Worksheet, row: number, col: number): number {
  const master = sheet.getCell(row, col);
  let width = sheet.getColumn(col).width ?? 9;
  for (let c = col + 1; c <= sheet.columnCount; c++) {
    const next = sheet.getCell(row, c);
    if (!next.isMerged || next.master.address !== master.address) break;
    width += sheet.getColumn(c).width ?? 9;
  }
  return width;
}
