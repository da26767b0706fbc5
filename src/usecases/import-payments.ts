import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../db/audit.repo.ts';
import {
  type UnitYearRef,
  bumpMonitoringVersions,
  loadMonitoringVersions,
  setMonthlySpending,
} from '../db/monitoring.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { readTable } from '../documents/payments/read-table.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { formatCents, parseAmountToCents } from '../domain/money.ts';
import { type MonitoredYear, claimMonitoringVersion, loadMonitoredYear } from './monitoring-context.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

/** A column: a letter ('B') or a header text of row 1 ('项目编码'). */
const ColumnRefSchema = z.string().trim().min(1).max(100);
export const PaymentColumnsSchema = z.object({
  projectCode: ColumnRefSchema,
  /** A payment date (2020-06-15, 2020/6/15) or a month (6, 2020-06, 6月): one of the two. */
  date: ColumnRefSchema,
  amount: ColumnRefSchema,
  source: ColumnRefSchema.optional(),
});
export type PaymentColumns = z.infer<typeof PaymentColumnsSchema>;

const ImportPaymentsInputSchema = UnitYearInputSchema.extend({
  fileName: z.string().trim().min(1),
  columns: PaymentColumnsSchema,
  /** Row 1 holds headers (default); header names in `columns` need it. */
  hasHeader: z.boolean().default(true),
  /**
   * The monitoring version of each booked project as the preview answered it (decision 023): stale →
   * CONFLICT, nothing written. Every HTTP apply sends it; only scripts and tests (as the system) leave it out.
   */
  expectedVersions: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type ImportPaymentsInput = z.input<typeof ImportPaymentsInputSchema> & { content: Uint8Array };

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
export interface PaymentsPreview {
  rows: PaymentRow[];
  errors: PaymentIssue[];
  /** What applying writes: one entry per project, month and source (payments summed). */
  months: { projectCode: string; month: number; source: 'fiscal' | 'other'; amount: string }[];
  /** Each booked project's monitoring version (0: nothing entered yet), to send back with the apply. */
  versions: Record<string, number>;
}

/** Reads and checks a payments file against the unit-year's projects; writes nothing. */
export async function previewPayments(db: Db, input: ImportPaymentsInput): Promise<PaymentsPreview> {
  const parsed = validateInput(ImportPaymentsInputSchema, input, '支付数据导入');
  const year = await loadMonitoredYear(db.kysely, parsed);
  const preview = readPayments(
    year,
    await readTable(input.content, parsed.fileName),
    parsed.columns,
    parsed.hasHeader,
    parsed.fileName,
  );
  return { ...preview, versions: await bookedVersions(db.kysely, year.ref, preview.months) };
}

/**
 * Applies a payments file: each project-month-source it mentions is SET to the file's sum (a re-import
 * of the same file changes nothing). Any error row and nothing is written (VALIDATION with every issue).
 */
export async function importPayments(db: Db, actor: Actor, input: ImportPaymentsInput): Promise<PaymentsPreview> {
  const parsed = validateInput(ImportPaymentsInputSchema, input, '支付数据导入');
  const table = await readTable(input.content, parsed.fileName);
  return inTransaction(db, async (trx) => {
    const year = await loadMonitoredYear(trx, parsed);
    const preview = readPayments(year, table, parsed.columns, parsed.hasHeader, parsed.fileName);
    if (preview.errors.length > 0) {
      const first = preview.errors[0]!;
      throw new AppError(
        'VALIDATION',
        `${parsed.fileName} 有 ${preview.errors.length} 处错误，未导入任何数据。第 ${first.row} 行 ${first.column} 列：${first.message}`,
        {
          location: { file: parsed.fileName, line: first.row, field: first.column },
          issues: preview.errors.map((e) => ({
            file: parsed.fileName,
            line: e.row,
            field: e.column,
            message: e.message,
          })),
        },
      );
    }
    await claimBookedProjects(trx, year, preview.months, {
      expected: parsed.expectedVersions,
      by: actor.username,
      fileName: parsed.fileName,
    });
    for (const entry of preview.months) await setMonthlySpending(trx, year.ref, entry);
    await recordAudit(trx, actor, {
      action: 'import-payments',
      unitCode: parsed.unitCode,
      fiscalYear: parsed.fiscalYear,
      entity: 'payments-file',
      entityKey: parsed.fileName,
      after: { rows: preview.rows.length, months: preview.months },
    });
    return { ...preview, versions: await bookedVersions(trx, year.ref, preview.months) };
  });
}

/**
 * A file's spending changes its projects as a form would: each booked project's version is
 * compare-and-set against the preview's (stale → CONFLICT naming who wrote last, decision 023), so
 * editors that read them before go stale and a file never overwrites spending its preview did not show.
 * Without `expected` (scripts, tests) the versions are only bumped.
 */
async function claimBookedProjects(
  trx: Executor,
  year: MonitoredYear,
  months: PaymentsPreview['months'],
  options: { expected: Record<string, number> | undefined; by: string; fileName: string },
): Promise<void> {
  const booked = [...new Set(months.map((m) => m.projectCode))].sort(); // one lock order for concurrent applies
  if (!options.expected) return bumpMonitoringVersions(trx, year.ref, booked, options.by);
  for (const projectCode of booked) {
    const expectedVersion = options.expected[projectCode];
    if (expectedVersion === undefined) {
      throw new AppError('VALIDATION', `预览中没有项目 ${projectCode} 的版本（文件可能已更换），请重新预览后再导入`, {
        location: { file: options.fileName, field: 'expectedVersions' },
      });
    }
    await claimMonitoringVersion(trx, year, { projectCode, expectedVersion, by: options.by });
  }
}

/** The monitoring versions of the projects a file books (0 where nothing is stored yet). */
async function bookedVersions(
  db: Executor,
  ref: UnitYearRef,
  months: PaymentsPreview['months'],
): Promise<Record<string, number>> {
  const stored = await loadMonitoringVersions(db, ref);
  return Object.fromEntries(months.map((m) => [m.projectCode, stored.get(m.projectCode)?.version ?? 0]));
}

function readPayments(
  year: MonitoredYear,
  table: string[][],
  columns: PaymentColumns,
  hasHeader: boolean,
  fileName: string,
): Omit<PaymentsPreview, 'versions'> {
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
  const col = {
    code: index(columns.projectCode, 'projectCode'),
    date: index(columns.date, 'date'),
    amount: index(columns.amount, 'amount'),
    source: columns.source === undefined ? null : index(columns.source, 'source'),
  };
  const letter = (i: number) => columnLetter(i);
  const codes = new Set(year.projects.map((p) => p.code));
  const rows: PaymentRow[] = [];
  const errors: PaymentIssue[] = [];
  table.forEach((cells, i) => {
    if ((hasHeader && i === 0) || cells.every((c) => c.trim() === '')) return;
    const row = i + 1;
    const fail = (c: number, message: string): false => {
      errors.push({ row, column: letter(c), message });
      return false;
    };
    const code = (cells[col.code] ?? '').trim();
    const month = monthOf(cells[col.date] ?? '', year.ref.fiscalYear);
    const cents = parseAmountToCents(cells[col.amount] ?? '');
    const source = col.source === null ? 'fiscal' : sourceOf(cells[col.source] ?? '');
    let ok = true;
    if (!codes.has(code))
      ok = fail(col.code, code === '' ? '项目编码为空' : `${year.ref.fiscalYear} 年度没有编码为 ${code} 的项目`);
    if (typeof month === 'string') ok = fail(col.date, month);
    if (cents === null) ok = fail(col.amount, `金额“${cells[col.amount] ?? ''}”不是元数（最多两位小数）`);
    else if (cents < 0n) ok = fail(col.amount, '金额不能为负数；退款请冲减当月支出后再导入');
    if (source === null) ok = fail(col.source!, `资金来源“${cells[col.source!] ?? ''}”应为 财政资金 或 其他资金`);
    if (ok && typeof month === 'number' && cents !== null && source !== null)
      rows.push({ row, projectCode: code, month, source, amount: formatCents(cents) });
  });
  return { rows, errors, months: sumByMonth(rows) };
}

function sumByMonth(rows: PaymentRow[]): PaymentsPreview['months'] {
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
