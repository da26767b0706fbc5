import { checkOrgCode, checkProjectCode } from '../../domain/codes.ts';
import { formatCents, parseAmountToCents } from '../../domain/money.ts';
import type { Amount } from '../../domain/money.ts';
import type { Budget, Project, SpendingCheckpoint, Unit } from '../../domain/targets.ts';
import { type ReadContext, fail, quote } from './context.ts';
import { AMOUNT_UNIT_LABEL, LABELS } from './layout.ts';
import { labelKey } from './lines.ts';
import { readIndicators } from './read-indicators.ts';
import { RowCursor, cellAt, expectLabel, startsWith } from './rows.ts';
import type { Cell, RawTable, Row } from './tables.ts';

export interface ProjectTable {
  /** The unit named in the table's first row, with the line it came from. */
  unit: Unit & { line: number };
  project: Project;
}

/**
 * One 项目绩效目标表, row by row as the seed lays it out: unit and 单位：元; 项目编码 and 项目名称; the
 * budget row; 资金用途 (its label cell is merged into the budget row's, so it comes out empty); 资金支出计划
 * months and their percents; 绩效目标; the indicator header; one row per indicator.
 */
export function readProjectTable(
  ctx: ReadContext,
  table: RawTable,
  index: number,
  firstUnit?: ProjectTable['unit'],
): ProjectTable {
  const field = `projects.${index}`;
  const rows = new RowCursor(ctx, table, field);
  const unit = readUnitRow(ctx, rows.take('单位编码和名称'), field);
  if (firstUnit) checkSameUnit(ctx, unit, firstUnit);
  const { code, name } = readCodeRow(ctx, rows.take(LABELS.code[0]), field);
  const budget = readBudgetRow(ctx, rows.take(LABELS.budget[0]), field);
  const purpose = readPurposeRow(ctx, rows);
  const spendingPlan = readSpendingRows(ctx, rows, field);
  const goals = startsWith(rows.peek(), LABELS.goals) ? readGoals(rows.take(LABELS.goals[0])) : [];
  const indicators = readIndicators(ctx, rows, field);
  return { unit, project: { code, name, budget, purpose, spendingPlan, goals, indicators } };
}

/** "711002秦皇岛市山海关区总工会": the leading digits are the unit code, the rest its name. */
function readUnitRow(ctx: ReadContext, row: Row, field: string): ProjectTable['unit'] {
  const cell = row.cells[0]!;
  const match = /^(\d+)\s*(\S.*)$/s.exec(cell.text);
  if (!match) {
    fail(ctx, cell.line, `应为单位编码和名称（如“711002秦皇岛市山海关区总工会”），实际为${quote(cell.text)}`, 'unit');
  }
  const amountUnit = row.cells[1];
  // Amounts are read as 元; a table in 万元 would be off by 10000 without a word of warning.
  if (amountUnit && labelKey(amountUnit.text) !== labelKey(AMOUNT_UNIT_LABEL)) {
    fail(ctx, amountUnit.line, `应为“${AMOUNT_UNIT_LABEL}”，实际为${quote(amountUnit.text)}`, `${field}.budget`);
  }
  if (row.cells.length > 2)
    fail(ctx, row.cells[2]!.line, `表头行应只有单位和“${AMOUNT_UNIT_LABEL}”，多出${quote(row.cells[2]!.text)}`, field);
  // Codes reach URLs and file names: one that breaks the code rules is refused here, by line (decision 020).
  const codeProblem = checkOrgCode(match[1]!);
  if (codeProblem !== null) fail(ctx, cell.line, `单位编码不符合要求：${codeProblem}`, 'unit.code');
  return { code: match[1]!, name: match[2]!.trim(), line: cell.line };
}

/** One document is one unit's: every table must name the unit the first one names. */
function checkSameUnit(ctx: ReadContext, unit: ProjectTable['unit'], first: ProjectTable['unit']): void {
  if (unit.code !== first.code) {
    fail(
      ctx,
      unit.line,
      `单位编码“${unit.code}”与第 ${first.line} 行的“${first.code}”不一致：一个文档只能属于一个单位`,
      'unit.code',
    );
  }
  if (unit.name !== first.name) {
    fail(
      ctx,
      unit.line,
      `单位名称“${unit.name}”与第 ${first.line} 行的“${first.name}”不一致：一个文档只能属于一个单位`,
      'unit.name',
    );
  }
}

function readCodeRow(ctx: ReadContext, row: Row, field: string): { code: string; name: string } {
  expectLabel(ctx, row, 0, LABELS.code, `${field}.code`);
  const code = requiredCell(ctx, row, 1, LABELS.code[0], `${field}.code`);
  const codeProblem = checkProjectCode(code);
  if (codeProblem !== null) fail(ctx, row.cells[1]!.line, `项目编码不符合要求：${codeProblem}`, `${field}.code`);
  expectLabel(ctx, row, 2, LABELS.name, `${field}.name`);
  const name = requiredCell(ctx, row, 3, LABELS.name[0], `${field}.name`);
  return { code, name };
}

function requiredCell(ctx: ReadContext, row: Row, index: number, label: string, field: string): string {
  const cell = cellAt(ctx, row, index, `${label}的内容`, field);
  if (cell.text === '') fail(ctx, cell.line, `${label}不能为空`, field);
  return cell.text;
}

/** 预算数, 其中：财政资金 and 其他资金, each label followed by its amount; the 其他资金 pair may be missing. */
function readBudgetRow(ctx: ReadContext, row: Row, field: string): Budget {
  expectLabel(ctx, row, 0, LABELS.budget, `${field}.budget`);
  if (row.cells.length > 7) {
    fail(
      ctx,
      row.cells[7]!.line,
      `预算行应为“预算数、财政资金、其他资金”及其金额（7 个单元格），多出${quote(row.cells[7]!.text)}`,
      `${field}.budget`,
    );
  }
  const read = (labelIndex: number, labels: readonly string[], key: keyof Budget): Amount | null => {
    expectLabel(ctx, row, labelIndex, labels, `${field}.budget.${key}`);
    const cell = row.cells[labelIndex + 1];
    return cell ? readAmount(ctx, cell, labels[0]!, `${field}.budget.${key}`) : null;
  };
  const total = read(1, LABELS.total, 'total');
  const fiscal = read(3, LABELS.fiscal, 'fiscal');
  const other = row.cells.length > 5 ? read(5, LABELS.other, 'other') : null;
  return { total, fiscal, other };
}

/** Amounts in 元; "20,000.00" and "20000元" are read, an empty cell is null, anything else is an error. */
function readAmount(ctx: ReadContext, cell: Cell, label: string, field: string): Amount | null {
  if (cell.text === '') return null;
  const cents = parseAmountToCents(cell.text.replace(/元$/, ''));
  if (cents === null) fail(ctx, cell.line, `${label}应为金额（元，最多两位小数），实际为${quote(cell.text)}`, field);
  return formatCents(cents);
}

/** The row under the budget: an empty (merged) label cell, then the purpose. It may be missing altogether. */
function readPurposeRow(ctx: ReadContext, rows: RowCursor): string {
  const row = rows.peek();
  if (!row || startsWith(row, [...LABELS.spending, ...LABELS.goals, '一级指标'])) return '';
  rows.take(LABELS.purpose[0]);
  const field = `${rows.field}.purpose`;
  if (row.cells.length === 1) return startsWith(row, LABELS.purpose) ? '' : row.cells[0]!.text;
  if (row.cells.length !== 2) {
    fail(ctx, row.cells[0]!.line, `资金用途行应为空白标签格和资金用途两个单元格，实际为 ${row.cells.length} 个`, field);
  }
  const [label, purpose] = row.cells as [Cell, Cell];
  if (label.text !== '' && !startsWith(row, LABELS.purpose)) {
    fail(ctx, label.line, `应为空白单元格或“${LABELS.purpose[0]}”，实际为${quote(label.text)}`, field);
  }
  return purpose.text;
}

/** A header row of checkpoint months ("3月底"), then a row of cumulative percents under them. */
function readSpendingRows(ctx: ReadContext, rows: RowCursor, field: string): SpendingCheckpoint[] {
  if (!startsWith(rows.peek(), LABELS.spending)) return [];
  const months = rows
    .take(LABELS.spending[0])
    .cells.slice(1)
    .map((cell) => readMonth(ctx, cell, field));
  const row = rows.take('资金支出计划的百分比');
  // The seed repeats the (merged) label column as an empty cell; a row without it is accepted too.
  const hasLabelCell = row.cells.length === months.length + 1;
  if (!hasLabelCell && row.cells.length !== months.length) {
    fail(
      ctx,
      row.cells[0]!.line,
      `资金支出计划有 ${months.length} 个月份，百分比行应有相同数目的单元格，实际为 ${row.cells.length} 个`,
      `${field}.spendingPlan`,
    );
  }
  const percents = hasLabelCell ? row.cells.slice(1) : row.cells;
  return months.map((month, i) => ({
    month,
    cumulativePercent: readPercent(ctx, percents[i]!, `${field}.spendingPlan.${i}`),
  }));
}

function readMonth(ctx: ReadContext, cell: Cell, field: string): number {
  const match = /^(\d{1,2})\s*月(?:底|末|份)?$/.exec(cell.text);
  const month = match ? Number(match[1]) : NaN;
  if (!(month >= 1 && month <= 12))
    fail(ctx, cell.line, `应为月份（如“3月底”），实际为${quote(cell.text)}`, `${field}.spendingPlan`);
  return month;
}

function readPercent(ctx: ReadContext, cell: Cell, field: string): number | null {
  if (cell.text === '') return null;
  const match = /^(\d+(?:\.\d+)?)\s*[%％]?$/.exec(cell.text);
  if (!match) fail(ctx, cell.line, `资金支出计划应为百分比数字（如“60.00”），实际为${quote(cell.text)}`, field);
  return Number(match[1]);
}

/** Every paragraph of the 绩效目标 cell(s) is one goal; its "1、" numbering goes (not "3.5万人…"'s digits). */
function readGoals(row: Row): string[] {
  return row.cells
    .slice(1)
    .flatMap((cell) => cell.text.split('\n'))
    .map((line) =>
      line
        .trim()
        .replace(/^(?:\d+\s*[、]|\d+\s*[.．](?!\d)|[（(]\d+[）)])\s*/, '')
        .trim(),
    )
    .filter((line) => line !== '');
}
