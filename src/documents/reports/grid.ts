import type { GridCell, GridTable } from '../docx/table-model.ts';
import { mergeRuns } from '../docx/outline.ts';

/*
 * The 自评表 and 监控表 are built once as a grid (the GridTable the targets tables use), then drawn by the .docx,
 * .xlsx and .pdf writers alike, so the three formats cannot disagree about a row, a merge or a figure.
 */

/** A grid cell that may also carry its figure, so the workbook stores a number rather than text. */
export interface ReportCell extends GridCell {
  /** An amount in 元 as a decimal string (the workbook keeps it exact). */
  amount?: string;
  /** A score, points or a rate: stored as a number with two decimals shown. */
  number?: number;
}

export interface ReportTable extends GridTable {
  rows: ReportCell[][];
  /** Heading above the table and the line under it. */
  title: string;
  subtitle: string;
  /** The sheet's name in the workbook. */
  sheet: string;
  landscape: boolean;
}

/** A cell over grid columns from..to (inclusive). */
export function cell(text: string, from: number, to = from, extra: Partial<ReportCell> = {}): ReportCell {
  return { text, gridFrom: from, gridTo: to, ...extra };
}

export const label = (text: string, from: number, to = from, extra: Partial<ReportCell> = {}): ReportCell =>
  cell(text, from, to, { label: true, ...extra });

export function amountCell(amount: string | null, from: number, to = from): ReportCell {
  return amount === null ? cell('', from, to) : cell(groupThousands(amount), from, to, { amount, align: 'right' });
}

export function numberCell(value: number | null, from: number, to = from, suffix = ''): ReportCell {
  return value === null ? cell('', from, to) : cell(`${value.toFixed(2)}${suffix}`, from, to, { number: value });
}

/** "1234567.80" → "1,234,567.80", on the digits (no float). */
function groupThousands(amount: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  return `${match[1]}${match[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

/**
 * The columns of 一级 and 二级 merged down over the rows that repeat them, as in the official forms;
 * `rows[i][levelColumn]` is the 一级 cell of row i, the 二级 cell follows it.
 */
export function mergeLevels(
  rows: ReportCell[][],
  levels: { level1: string; level2: string }[],
  levelColumn: number,
): void {
  const level1 = mergeRuns(levels.map((l) => (l.level1 === '' ? null : l.level1)));
  const level2 = mergeRuns(
    levels.map((l) => (l.level1 === '' || l.level2 === '' ? null : JSON.stringify([l.level1, l.level2]))),
  );
  rows.forEach((cells, i) => {
    const one = cells.find((c) => c.gridFrom === levelColumn)!;
    const two = cells.find((c) => c.gridFrom === levelColumn + 1)!;
    applyMerge(one, level1[i]);
    applyMerge(two, level2[i]);
  });
}

function applyMerge(target: ReportCell, merge: 'restart' | 'continue' | undefined): void {
  if (merge === undefined) return;
  target.merge = merge;
  if (merge === 'continue') target.text = '';
}

/** Twips per grid column summing exactly to `total`, in proportion to `weights`. */
export function widths(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/** A4 text widths in twips (2 cm side margins, as the targets document). */
export const PORTRAIT_WIDTH = 11906 - 2 * 1134;
export const LANDSCAPE_WIDTH = 16838 - 2 * 1134;
