import { formatCents, parseAmountToCents } from '../../domain/money.ts';
import { AppError } from '../../domain/errors.ts';

/** Which column holds what: a letter ('B') or a header text of row 1 ('项目编码'). */
export interface PaymentColumnRefs {
  projectCode: string;
  /** A payment date (2020-06-15, 2020/6/15) or a month (6, 2020-06, 6月). */
  date: string;
  amount: string;
  source?: string;
}

export interface PaymentRow {
  row: number;
  projectCode: string;
  month: number;
  source: 'fiscal' | 'other';
  amount: string;
}
export interface PaymentIssue {
  row: number;
  column: string;
  message: string;
}
/** One project, month and source with its payments summed: what applying a file writes. */
export interface PaymentMonth {
  projectCode: string;
  month: number;
  source: 'fiscal' | 'other';
  amount: string;
}

export interface PaymentRows {
  rows: PaymentRow[];
  errors: PaymentIssue[];
  months: PaymentMonth[];
}

export interface PaymentRowsOptions {
  columns: PaymentColumnRefs;
  /** Row 1 holds headers; header names in `columns` need it. */
  hasHeader: boolean;
  fileName: string;
  fiscalYear: number;
  /** The unit-year's project codes: a row naming another is an error of its row. */
  projectCodes: ReadonlySet<string>;
}

/**
 * A payments table (readTable's rows of cell texts) read as payments: each row's project, month,
 * amount (exact, in 分) and source, every problem kept with its row and column letter, and the sums
 * per project, month and source. A column that cannot be found refuses the file (VALIDATION).
 */
export function readPaymentRows(table: string[][], options: PaymentRowsOptions): PaymentRows {
  const { hasHeader, fiscalYear, projectCodes } = options;
  const col = columnIndexes(table, options);
  const rows: PaymentRow[] = [];
  const errors: PaymentIssue[] = [];
  table.forEach((cells, i) => {
    if ((hasHeader && i === 0) || cells.every((c) => c.trim() === '')) return;
    const row = i + 1;
    const fail = (c: number, message: string): false => {
      errors.push({ row, column: columnLetter(c), message });
      return false;
    };
    const code = (cells[col.code] ?? '').trim();
    const month = monthOf(cells[col.date] ?? '', fiscalYear);
    const cents = parseAmountToCents(cells[col.amount] ?? '');
    const source = col.source === null ? 'fiscal' : sourceOf(cells[col.source] ?? '');
    let ok = true;
    if (!projectCodes.has(code))
      ok = fail(col.code, code === '' ? '项目编码为空' : `${fiscalYear} 年度没有编码为 ${code} 的项目`);
    if (typeof month === 'string') ok = fail(col.date, month);
    if (cents === null) ok = fail(col.amount, `金额“${cells[col.amount] ?? ''}”不是元数（最多两位小数）`);
    else if (cents < 0n) ok = fail(col.amount, '金额不能为负数；退款请冲减当月支出后再导入');
    if (source === null) ok = fail(col.source!, `资金来源“${cells[col.source!] ?? ''}”应为 财政资金 或 其他资金`);
    if (ok && typeof month === 'number' && cents !== null && source !== null)
      rows.push({ row, projectCode: code, month, source, amount: formatCents(cents) });
  });
  return { rows, errors, months: sumByMonth(rows) };
}

function columnIndexes(
  table: string[][],
  { columns, hasHeader, fileName }: PaymentRowsOptions,
): { code: number; date: number; amount: number; source: number | null } {
  const header = hasHeader ? (table[0] ?? []) : [];
  const index = (ref: string, field: string) => {
    const byName = header.findIndex((h) => h.trim() === ref);
    if (byName >= 0) return byName;
    if (/^[A-Za-z]{1,3}$/.test(ref))
      return [...ref.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    throw new AppError('VALIDATION', `${fileName}：找不到“${ref}”列（${field}）。请填列字母（如 B）或第 1 行的标题`, {
      location: { file: fileName, field },
    });
  };
  return {
    code: index(columns.projectCode, 'projectCode'),
    date: index(columns.date, 'date'),
    amount: index(columns.amount, 'amount'),
    source: columns.source === undefined ? null : index(columns.source, 'source'),
  };
}

function sumByMonth(rows: PaymentRow[]): PaymentMonth[] {
  const sums = new Map<string, { projectCode: string; month: number; source: 'fiscal' | 'other'; cents: bigint }>();
  for (const r of rows) {
    const key = `${r.projectCode}\u0000${r.month}\u0000${r.source}`;
    const entry = sums.get(key) ?? { projectCode: r.projectCode, month: r.month, source: r.source, cents: 0n };
    entry.cents += parseAmountToCents(r.amount)!;
    sums.set(key, entry);
  }
  return [...sums.values()].map(({ cents, ...rest }) => ({ ...rest, amount: formatCents(cents) }));
}

/** 2020-06-15, 2020/6/15, 2020年6月15日, 2020-06, 6, 6月 → 6; a message when it is not a month of the year. */
export function monthOf(text: string, fiscalYear: number): number | string {
  const t = text.trim();
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月?)$/.exec(t);
  const bare = /^(\d{1,2})\s*月?$/.exec(t);
  const [year, month] = full ? [Number(full[1]), Number(full[2])] : bare ? [fiscalYear, Number(bare[1])] : [NaN, NaN];
  if (Number.isNaN(month)) return `日期“${t}”无法识别（如 2020-06-15 或 6）`;
  if (month < 1 || month > 12) return `月份 ${month} 不在 1–12 之间`;
  if (year !== fiscalYear) return `日期 ${t} 不在 ${fiscalYear} 年度内`;
  return month;
}

function sourceOf(text: string): 'fiscal' | 'other' | null {
  const t = text.trim();
  if (t === '' || /^(财政|财政资金|fiscal)$/i.test(t)) return 'fiscal';
  if (/^(其他|其他资金|other)$/i.test(t)) return 'other';
  return null;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let text = '';
  while (n > 0) [text, n] = [String.fromCharCode(65 + ((n - 1) % 26)) + text, Math.floor((n - 1) / 26)];
  return text;
}
