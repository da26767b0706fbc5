import type { Worksheet } from 'exceljs';
import { labelKey } from '../seed-text/lines.ts';
import { type SheetContext, cellAddress, failAt, readText } from './cells.ts';

/** Rows beyond this in one sheet are refused: a unit-year has dozens of projects, not tens of thousands. */
const MAX_ROWS = 20000;

/** Numbers of the rows that hold a value, in order (styled but empty rows are skipped). */
export function rowsWithValues(ctx: SheetContext, sheet: Worksheet): number[] {
  const rows: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const hasText = (row.values as unknown[]).some((value) => value !== null && value !== undefined && value !== '');
    if (hasText) rows.push(rowNumber);
  });
  if (rows.length > MAX_ROWS) {
    failAt(ctx, sheet.name, cellAddress(rows[MAX_ROWS]!, 1), `行数过多（${rows.length} 行，上限 ${MAX_ROWS}）`);
  }
  return rows;
}

/** The header row must read `expected` from column 1 on (spaces and full-/half-width punctuation ignored). */
export function expectHeader(ctx: SheetContext, sheet: Worksheet, row: number, expected: readonly string[]): void {
  expected.forEach((label, i) => {
    const actual = readText(ctx, sheet, row, i + 1);
    if (labelKey(actual) !== labelKey(label)) {
      failAt(
        ctx,
        sheet.name,
        cellAddress(row, i + 1),
        `表头应为“${label}”，实际为“${actual}”（请使用 Jixiao 模板的列顺序）`,
      );
    }
  });
}

/** "1、目标" / "1. 目标" / "（1）目标" → "目标", as the text reader strips goal numbering (not "3.5万人"). */
export function stripNumbering(line: string): string {
  return line
    .trim()
    .replace(/^(?:\d+\s*[、]|\d+\s*[.．](?!\d)|[（(]\d+[）)])\s*/, '')
    .trim();
}
