import type { ExecutionField, ExecutionRow, HeaderField, IndicatorField } from './labels.ts';
import type { ExecutionHeader, HeaderColumn, IndicatorHeader } from './blocks.ts';
import { titleOf } from './blocks.ts';
import type { Sheet } from './sheet.ts';
import { executionRow, headerField, isLabel } from './vocabulary.ts';

/** One indicator row as written: texts per field, the project's own columns (one-row-per-indicator tables), extras. */
export interface IndicatorRow {
  row: number;
  values: Partial<Record<IndicatorField, string>>;
  project: Partial<Record<HeaderField, string>>;
  extras: Record<string, string>;
}

export interface Skipped {
  row: number;
  place: string;
  reason: string;
}

/** Names that hold no indicator: what offices leave in a form's spare rows. */
const PLACEHOLDER = /^(?:…+|\.{3,}|。{3,}|其他|其它|无|略|\/|-|—+|合计|小计|总计)$/;
const MARK = /^[√✓✔☑■●是]$/;

/**
 * The rows under an indicator header, until a row that starts another part (总分, 偏差原因…, a title). 一级 and
 * 二级 (and a project's own columns) carry down over empty cells, as merged cells mean; spare rows are skipped.
 */
export function readIndicatorRows(
  sheet: Sheet,
  header: IndicatorHeader,
  end: number,
  carried?: IndicatorRow,
): { rows: IndicatorRow[]; skipped: Skipped[]; last: number } {
  const rows: IndicatorRow[] = [];
  const skipped: Skipped[] = [];
  const first = firstColumns(header.columns);
  const nameColumn = first.find((col) => col.indicator === 'name') ?? first.find((col) => col.indicator === 'level2');
  let previous = carried;
  let last = header.lastRow;
  for (let row = header.lastRow + 1; row < end; row += 1) {
    const cells = sheet.rows[row]!;
    if (endsBlock(sheet, row, header)) break;
    last = row;
    if (sameAsHeader(cells, header)) continue;
    const read = readRow(cells, row, first, header.columns, previous);
    const name = nameColumn ? (cells[nameColumn.column] ?? '').trim() : '';
    const reason = cells.every((text) => text === '')
      ? '空行'
      : PLACEHOLDER.test(name) || name === ''
        ? `占位行（${name === '' ? '三级指标为空' : name}）`
        : null;
    if (reason) {
      skipped.push({ row, place: sheet.place(row, nameColumn?.column ?? 0), reason });
      continue;
    }
    rows.push(read);
    previous = read;
  }
  return { rows, skipped, last };
}

/** The first column of each field (a label merged across two columns maps both to it). */
function firstColumns(columns: HeaderColumn[]): HeaderColumn[] {
  const seen = new Set<string>();
  return columns.filter((col) => {
    const key = col.indicator ?? col.project ?? `extra:${col.label}`;
    if (col.sub === null && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readRow(
  cells: string[],
  row: number,
  first: HeaderColumn[],
  all: HeaderColumn[],
  previous: IndicatorRow | undefined,
): IndicatorRow {
  const read: IndicatorRow = { row, values: {}, project: {}, extras: {} };
  for (const col of first) {
    if (col.sub !== null) continue;
    const text = cells[col.column] ?? '';
    if (col.indicator) read.values[col.indicator] = text;
    else if (col.project) read.project[col.project] = text;
    // A cell repeating its own head is the side label ("绩效指标") merged down the rows, not a value.
    else if (text !== '' && text !== col.label) read.extras[col.label] = text;
  }
  readGroups(cells, all, read);
  // 二级 carries down only under the same 一级: a merged 二级 never crosses a 一级 boundary, so an empty 二级 beside a
  // new 一级 is a gap the unit left, kept empty for the review to report on that row (decision 032).
  const level1 = read.values.level1 ?? '';
  const sameLevel1 = level1 === '' || level1 === previous?.values.level1;
  if (level1 === '' && previous) read.values.level1 = previous.values.level1 ?? '';
  if ((read.values.level2 ?? '') === '' && previous && sameLevel1) read.values.level2 = previous.values.level2 ?? '';
  // A project's own columns fill down only over its own rows (a blank 项目名称 — a merge a text paste lost — or the
  // same name): a new project's blank 其他资金 is blank, not the previous project's amount.
  const name = read.project.projectName ?? '';
  const continues = previous !== undefined && (name === '' || name === previous.project.projectName);
  for (const [field, text] of Object.entries(read.project) as [HeaderField, string][]) {
    if (text === '' && continues) read.project[field] = previous.project[field] ?? '';
  }
  return read;
}

/** Grouped columns: "经费保障" where the cell holds a mark, "经费保障：…" where it holds text; joined with "；". */
function readGroups(cells: string[], all: HeaderColumn[], read: IndicatorRow): void {
  const groups = new Map<string, string[]>();
  for (const col of all) {
    if (col.sub === null) continue;
    const text = (cells[col.column] ?? '').trim();
    if (text === '') continue;
    const list = groups.get(col.label) ?? [];
    list.push(MARK.test(text) ? col.sub : `${col.sub}：${text}`);
    groups.set(col.label, list);
  }
  for (const [label, parts] of groups) {
    const col = all.find((c) => c.label === label)!;
    const joined = parts.join('；');
    if (col.indicator) read.values[col.indicator] = joined;
    else read.extras[label] = joined;
  }
}

function sameAsHeader(cells: string[], header: IndicatorHeader): boolean {
  return (
    header.columns.some((col) => cells[col.column] === col.label) &&
    header.columns.every((col) => cells[col.column] === col.label || cells[col.column] === '')
  );
}

/** A row whose leading cells hold a label of the table's other parts (总分, 项目名称, 偏差原因…) or a title. */
function endsBlock(sheet: Sheet, row: number, header: IndicatorHeader): boolean {
  if (titleOf(sheet, row) !== null) return true;
  const firstIndicator = Math.min(...header.columns.filter((c) => c.indicator).map((c) => c.column));
  const cells = sheet.rows[row]!;
  const leading = cells.slice(0, Math.max(firstIndicator + 1, 1));
  return leading.some(
    (text) => text !== '' && headerField(text) !== null && !header.columns.some((c) => c.label === text),
  );
}

export interface ExecutionRead {
  rows: Partial<
    Record<ExecutionRow, { row: number; values: Partial<Record<ExecutionField, { text: string; column: number }>> }>
  >;
  last: number;
}

/** 年度资金总额 / 其中：财政拨款 / 上年结转 / 其他资金 rows under an execution header, read by its columns. */
export function readExecutionRows(sheet: Sheet, header: ExecutionHeader, end: number): ExecutionRead {
  const firstColumn = Math.min(...header.columns.map((col) => col.column));
  const read: ExecutionRead = { rows: {}, last: header.row };
  for (let row = header.row + 1; row < end; row += 1) {
    const cells = sheet.rows[row]!;
    const labelCell = cells.slice(0, firstColumn).find((text) => text !== '' && executionRow(text) !== null);
    if (labelCell === undefined) {
      if (cells.slice(0, firstColumn).every((text) => text === '' || !isLabel(text))) continue;
      break;
    }
    const which = executionRow(labelCell)!;
    if (read.rows[which]) break;
    const values: Partial<Record<ExecutionField, { text: string; column: number }>> = {};
    for (const col of header.columns) values[col.field] = { text: cells[col.column] ?? '', column: col.column };
    read.rows[which] = { row, values };
    read.last = row;
  }
  return read;
}
