import { type MoneyUnit, statedMoneyUnit } from '../../domain/money-units.ts';
import {
  type ExecutionHeader,
  type IndicatorHeader,
  inlineLabel,
  isIndicatorHeader,
  readExecutionHeader,
  readIndicatorHeader,
  titleOf,
} from './blocks.ts';
import { type Fields, scanFields } from './fields.ts';
import { labelKey } from './labels.ts';
import { type ExecutionRead, type IndicatorRow, type Skipped, readExecutionRows, readIndicatorRows } from './rows.ts';
import type { Sheet } from './sheet.ts';
import { headerField, isLabel, keysOf } from './vocabulary.ts';

/** One table of a grid, read as text: its labelled fields, its execution block, its indicator rows. */
export interface RawTable {
  sheet: Sheet;
  start: number;
  end: number;
  /** Title lines: the grid's `above` (for its first table), title rows inside, and loose texts before the first label. */
  title: string[];
  /** Texts in the rows before the first label that are not labels ("712003某县总工会", "（2024年度）"). */
  loose: string[];
  fields: Fields;
  header: IndicatorHeader | null;
  indicators: IndicatorRow[];
  skipped: Skipped[];
  execution: { header: ExecutionHeader; read: ExecutionRead } | null;
  /** Keys of every label found, for scoring layouts. */
  keys: Set<string>;
  money: { unit: MoneyUnit; place: string } | null;
  /** The rest of the previous table (a form split over pages, its header repeated or not). */
  continues: RawTable | null;
}

/** Reads rows [start, end) of a sheet; `previous` is the table before it, which this one may continue. */
export function readSegment(sheet: Sheet, start: number, end: number, previous: RawTable | null): RawTable {
  const title = start === 0 ? [...sheet.grid.above] : [];
  for (let row = start; row < end; row += 1) {
    const text = titleOf(sheet, row);
    if (text !== null) title.push(text);
  }
  const loose = looseTexts(sheet, start, end);
  title.push(...loose.filter((text) => !title.includes(text)));
  const execution = findExecution(sheet, start, end);
  let headerRow = -1;
  for (let row = start; row < end && headerRow < 0; row += 1) {
    if (execution && row >= execution.header.row && row <= execution.read.last) continue;
    if (isIndicatorHeader(sheet, row)) headerRow = row;
  }
  const fieldsBefore = scanFields(sheet, range(start, headerRow < 0 ? end : headerRow));
  const continues = continued(previous, start, fieldsBefore, execution);
  let header = headerRow >= 0 ? readIndicatorHeader(sheet, headerRow) : null;
  if (!header && continues?.header && continues.sheet.width === sheet.width)
    header = { row: start - 1, lastRow: start - 1, columns: continues.header.columns };
  const carried = continues?.indicators[continues.indicators.length - 1];
  const block = header ? readIndicatorRows(sheet, header, end, carried) : null;
  const skipRows = new Set<number>();
  if (execution) for (const row of range(execution.header.row, execution.read.last + 1)) skipRows.add(row);
  if (header && block) for (const row of range(Math.max(header.row, start), block.last + 1)) skipRows.add(row);
  const fields = scanFields(
    sheet,
    range(start, end).filter((row) => !skipRows.has(row)),
  );
  return {
    sheet,
    start,
    end,
    title,
    loose,
    fields,
    header,
    indicators: block?.rows ?? [],
    skipped: block?.skipped ?? [],
    execution,
    keys: labelKeys(sheet, start, end),
    money: findMoneyUnit(sheet, start, end, title) ?? continues?.money ?? null,
    continues,
  };
}

/** Non-label texts of the rows above the first row that holds a label: a cover line, the year, the unit. */
function looseTexts(sheet: Sheet, start: number, end: number): string[] {
  const texts: string[] = [];
  for (let row = start; row < end; row += 1) {
    const cells = sheet.rows[row]!.filter((text) => text !== '');
    if (cells.some((text) => isLabel(text) || headerField(inlineLabel(text)) !== null)) break;
    for (const text of cells) if (!texts.includes(text)) texts.push(text);
  }
  return texts;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function findExecution(sheet: Sheet, start: number, end: number): RawTable['execution'] {
  for (let row = start; row < end; row += 1) {
    const header = readExecutionHeader(sheet, row);
    if (header) return { header, read: readExecutionRows(sheet, header, end) };
  }
  return null;
}

/**
 * A grid's first table continues the previous grid's when it names no project or unit, has no title and no
 * execution block of its own: a Word table split over pages, or an Excel block under the one above.
 */
function continued(
  previous: RawTable | null,
  start: number,
  fields: Fields,
  execution: RawTable['execution'],
): RawTable | null {
  if (!previous || start !== 0 || execution) return null;
  const naming = ['projectName', 'unitName', 'goals', 'budgetTotal'] as const;
  if (naming.some((field) => (fields.get(field) ?? []).some((value) => value.text !== ''))) return null;
  return previous.header ? (previous.continues ?? previous) : null;
}

function labelKeys(sheet: Sheet, start: number, end: number): Set<string> {
  const keys = new Set<string>();
  for (let row = start; row < end; row += 1) {
    for (const text of sheet.rows[row]!)
      if (text !== '' && isLabel(text)) for (const key of keysOf(text)) keys.add(key);
  }
  return keys;
}

/** "单位：万元" above or in a cell wins; else a unit in a label's brackets ("项目资金（万元）"); null when none. */
function findMoneyUnit(sheet: Sheet, start: number, end: number, title: string[]): RawTable['money'] {
  for (const line of title) {
    if (/单位/.test(line) && statedMoneyUnit(line)) return { unit: statedMoneyUnit(line)!, place: `表格上方“${line}”` };
  }
  let fromLabel: RawTable['money'] = null;
  for (let row = start; row < end; row += 1) {
    for (const [column, text] of sheet.rows[row]!.entries()) {
      const unit = text === '' ? null : statedMoneyUnit(text);
      if (!unit) continue;
      if (/单位/.test(text)) return { unit, place: sheet.place(row, column) };
      if (!fromLabel && isLabel(text) && !labelKey(text).includes('单价'))
        fromLabel = { unit, place: sheet.place(row, column) };
    }
  }
  return fromLabel;
}
