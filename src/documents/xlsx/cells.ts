import type { Cell, Worksheet } from 'exceljs';
import { AppError } from '../../domain/errors.ts';
import { formatCents, parseAmountToCents, type Amount } from '../../domain/money.ts';
import type { ImportNote } from '../../domain/import-note.ts';

/** What every part of the reader shares: the file name for errors and the notes so far. */
export interface SheetContext {
  fileName: string | undefined;
  notes: ImportNote[];
}

/** "工作表“指标明细”单元格 E7" — the one way a place in a workbook is named for people. */
function cellPlace(sheet: string, address: string): string {
  return `工作表“${sheet}”单元格 ${address}`;
}

export function failAt(
  ctx: SheetContext,
  sheet: string,
  address: string,
  message: string,
  path?: (string | number)[],
): never {
  throw new AppError('BAD_INPUT', `${cellPlace(sheet, address)}：${message}`, {
    location: {
      ...(ctx.fileName ? { file: ctx.fileName } : {}),
      field: `${sheet}!${address}`,
      ...(path ? { path } : {}),
    },
  });
}

/** Notes carry the row as their line (the CLI prints file:line), and the cell in the message. */
export function noteAt(
  ctx: SheetContext,
  sheet: string,
  address: string,
  row: number,
  code: string,
  message: string,
): void {
  ctx.notes.push({ line: row, code, message: `${cellPlace(sheet, address)}：${message}` });
}

export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

type Scalar = string | number | boolean | Date | null;

/** The value a person sees in a cell: formulas give their cached result, rich text its joined runs. */
function scalarOf(cell: Cell): Scalar | { error: string } {
  const value: unknown = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      error?: string;
      formula?: string;
    };
    if (v.richText) return v.richText.map((run) => run.text).join('');
    if (v.error !== undefined) return { error: v.error };
    if ('formula' in v || 'sharedFormula' in v) return (v.result ?? null) as Scalar;
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

function isPercentFormat(cell: Cell): boolean {
  return typeof cell.numFmt === 'string' && cell.numFmt.includes('%');
}

/**
 * A number as the shortest decimal text that reads back as the same double, without exponent:
 * 20000 → "20000", 0.1+0.2 → "0.30000000000000004" (so a float artefact stays visible and is refused
 * by the callers that need an exact amount). Null when the number is not finite or needs an exponent.
 */
function plainDecimal(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}

/** "0.9" shifted two places → "90": a percent-formatted cell holds the fraction, the person typed the percent. */
export function shiftDecimalTwo(text: string): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const padded = fraction.padEnd(2, '0');
  const integer = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  return `${negative ? '-' : ''}${integer}${rest ? `.${rest}` : ''}`;
}

/** Cell text, trimmed; numbers as the decimal a person typed ("90%" for a percent-formatted 0.9). */
export function readText(ctx: SheetContext, sheet: Worksheet, row: number, column: number): string {
  const cell = sheet.getCell(row, column);
  const value = scalarOf(cell);
  const address = cellAddress(row, column);
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    const text = plainDecimal(value);
    if (text === null)
      failAt(ctx, sheet.name, address, `数值 ${value} 无法作为文本读取，请将单元格设为文本格式后重新填写`);
    return isPercentFormat(cell) ? `${shiftDecimalTwo(text)}%` : text;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    failAt(
      ctx,
      sheet.name,
      address,
      '此处应为文字，实际为日期（Excel 把输入识别成了日期，请将单元格设为文本格式后重新填写）',
    );
  return failAt(ctx, sheet.name, address, `单元格是错误值 ${value.error}`);
}

/** An amount in 元: text ("20,000.00") or a number that is exact to the 分; anything else names the cell. */
export function readAmount(
  ctx: SheetContext,
  sheet: Worksheet,
  row: number,
  column: number,
  label: string,
): Amount | null {
  const cell = sheet.getCell(row, column);
  const value = scalarOf(cell);
  const address = cellAddress(row, column);
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  let text: string | null;
  if (typeof value === 'number') text = isPercentFormat(cell) ? null : plainDecimal(value);
  else if (typeof value === 'string') text = value;
  else text = null;
  const cents = text === null ? null : parseAmountToCents(text);
  if (cents === null) {
    const shown = typeof value === 'object' && value !== null && !(value instanceof Date) ? value.error : String(value);
    failAt(ctx, sheet.name, address, `${label}应为金额（元，最多两位小数，如 20000.00），实际为“${shown}”`);
  }
  return formatCents(cents);
}

/** A cumulative percent: 60, "60", "60%" or a percent-formatted 0.6; "—" means listed without a value. */
export function readPercent(
  ctx: SheetContext,
  sheet: Worksheet,
  row: number,
  column: number,
): number | null | undefined {
  const text = readText(ctx, sheet, row, column)
    .replace(/[%％]$/, '')
    .trim();
  if (text === '') return undefined;
  if (/^[—–\-－]+$/.test(text)) return null;
  if (!/^\d{1,3}(?:\.\d{1,4})?$/.test(text)) {
    failAt(
      ctx,
      sheet.name,
      cellAddress(row, column),
      `资金支出计划应为 0–100 的百分数（或“—”表示未列数值），实际为“${text}”`,
    );
  }
  return Number(text);
}
