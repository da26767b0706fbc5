import type { ExecutionField, HeaderField, IndicatorField } from './labels.ts';
import { TITLE_PATTERN, labelKey, monthLabel } from './labels.ts';
import type { Sheet } from './sheet.ts';
import { executionField, headerField, indicatorField } from './vocabulary.ts';

/** One column of an indicator header: the model field it fills, or a project field (one-row-per-indicator tables), or neither (an extra). */
export interface HeaderColumn {
  column: number;
  label: string;
  indicator: IndicatorField | null;
  project: HeaderField | null;
  /** Label of a second header row under a group ("经费保障" under 偏差原因分析). */
  sub: string | null;
}

export interface IndicatorHeader {
  row: number;
  /** The last header row (the sub-header row when there is one). */
  lastRow: number;
  columns: HeaderColumn[];
}

export interface ExecutionHeader {
  row: number;
  columns: { column: number; label: string; field: ExecutionField }[];
  /** "1-7月执行数" → 7. */
  month: number | null;
}

const LEVELS: readonly IndicatorField[] = ['level1', 'level2', 'name'];

/** A header row holds 一级/二级/三级 (or 指标名称) and at least one more indicator label. */
export function isIndicatorHeader(sheet: Sheet, row: number): boolean {
  const fields = new Set(sheet.rows[row]!.map((text) => (text === '' ? null : indicatorField(text))));
  return LEVELS.some((field) => fields.has(field)) && [...fields].filter((field) => field !== null).length >= 2;
}

/** The indicator header at `row`, its labels taken from the row above where its own cell is empty (two-row heads). */
export function readIndicatorHeader(sheet: Sheet, row: number): IndicatorHeader {
  const texts = sheet.rows[row]!;
  const above = row > 0 ? sheet.rows[row - 1]! : [];
  const columns: HeaderColumn[] = [];
  texts.forEach((own, column) => {
    const label = own !== '' ? own : (above[column] ?? '');
    if (label === '') return;
    const indicator = indicatorField(label);
    columns.push({ column, label, indicator, project: indicator ? null : headerField(label), sub: null });
  });
  const header: IndicatorHeader = { row, lastRow: row, columns };
  readSubHeader(sheet, header);
  return header;
}

/**
 * A second header row under grouped columns (监控表: 偏差原因分析 over 经费保障 | 制度保障 | …): its labels
 * name the group's columns, and a mark (√) in one of them is read as that label.
 */
function readSubHeader(sheet: Sheet, header: IndicatorHeader): void {
  const next = sheet.rows[header.row + 1];
  if (!next) return;
  const grouped = header.columns.filter((col) =>
    header.columns.some(
      (other) => other !== col && other.label === col.label && Math.abs(other.column - col.column) === 1,
    ),
  );
  if (grouped.length === 0) return;
  const levelColumn = header.columns.find((col) => col.indicator === 'name' || col.indicator === 'level1');
  const levelText = levelColumn ? next[levelColumn.column]! : '';
  if (levelText !== '' && levelText !== levelColumn?.label) return;
  const subs = grouped.filter((col) => next[col.column] !== '' && next[col.column] !== col.label);
  if (subs.length === 0) return;
  for (const col of subs) col.sub = next[col.column]!;
  header.lastRow = header.row + 1;
}

/** 预算执行 header: at least two of 年初预算数 / 全年预算数 / 执行数 / 执行率 / 全年预计执行数 in one row. */
export function readExecutionHeader(sheet: Sheet, row: number): ExecutionHeader | null {
  const columns: ExecutionHeader['columns'] = [];
  let month: number | null = null;
  sheet.rows[row]!.forEach((label, column) => {
    if (label === '' || (sheet.copies[row]![column] && sheet.rows[row]![column - 1] === label)) return;
    const field = executionField(label);
    if (!field || columns.some((col) => col.field === field)) return;
    columns.push({ column, label, field });
    month ??= monthLabel(labelKey(label))?.month ?? null;
  });
  const money = columns.filter((col) => col.field !== 'weight' && col.field !== 'score');
  return money.length >= 2 ? { row, columns, month } : null;
}

/** A row that is a title: one distinct text, naming a performance table. */
export function titleOf(sheet: Sheet, row: number): string | null {
  const distinct = new Set(sheet.rows[row]!.filter((text) => text !== ''));
  if (distinct.size !== 1) return null;
  const [text] = distinct;
  return text!.length <= 60 && TITLE_PATTERN.test(text!) ? text! : null;
}

/** Rows where a new table starts inside one grid: a title row, or a 项目名称 row after a table's indicators. */
export function segmentStarts(sheet: Sheet): number[] {
  const starts = [0];
  let named = false;
  let indicators = false;
  for (let row = 0; row < sheet.rows.length; row += 1) {
    const isTitle = titleOf(sheet, row) !== null;
    const header = !isTitle && isIndicatorHeader(sheet, row);
    const naming =
      !isTitle &&
      !header &&
      sheet.rows[row]!.some((text) => text !== '' && headerField(inlineLabel(text)) === 'projectName');
    const current = starts[starts.length - 1]!;
    const previousIsTitle = row > 0 && titleOf(sheet, row - 1) !== null && row - 1 >= current;
    if ((isTitle || (naming && !previousIsTitle)) && row > current && (named || indicators)) {
      starts.push(row);
      named = false;
      indicators = false;
    }
    if (naming) named = true;
    if (header) indicators = true;
  }
  return starts;
}

/** "项目名称：某某" → "项目名称"; the text itself when it is not label：value. */
export function inlineLabel(text: string): string {
  const match = /^([^：:\n]{2,16})[：:]/.exec(text);
  return match ? match[1]! : text;
}
