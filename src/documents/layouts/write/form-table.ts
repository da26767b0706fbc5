import type { Indicator, TargetsDocument } from '../../../domain/targets.ts';
import type { HeaderField, IndicatorField } from '../labels.ts';
import type { Column, LayoutDef } from '../layout.ts';
import { type FormSource, headerText, indicatorTexts } from './form-values.ts';

/**
 * One printed form as a grid of cells, shared by the Word and the Excel writer (issue 15): built from a LayoutDef
 * only — its header rows in order, its indicator columns in order, its row shape, where it states the money unit —
 * so that a new province's description prints without code. Cells are placed like an HTML table's: a cell covers
 * `rowSpan` × `colSpan` places from (row, column); places it covers hold no cell of their own.
 */
export interface FormCell {
  text: string;
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  /** A label is printed bold; an amount right-aligned (and as a number in Excel). */
  role: 'label' | 'value' | 'amount';
}

export interface FormTable {
  /** A sheet name for Excel ("1、项目名"). */
  name: string;
  /** "2024年度项目支出绩效目标表". */
  title: string;
  /** Lines between the title and the table: "填报单位：…", "单位：万元". */
  above: string[];
  width: number;
  /** Relative column widths. */
  weights: number[];
  rowCount: number;
  cells: FormCell[];
  /** The indicator head's rows (repeated on each page where the writer can). */
  head: { first: number; last: number };
}

const BUDGET_FIELDS: readonly HeaderField[] = ['budgetTotal', 'budgetFiscal', 'budgetOther', 'budgetCarryOver'];

/** Relative widths of indicator columns: names and descriptions need room, marks and weights little. */
const WEIGHTS: Partial<Record<IndicatorField, number>> = {
  level1: 1.1,
  level2: 1.3,
  name: 2.2,
  description: 2.2,
  target: 1.4,
  basis: 1.3,
  nature: 0.8,
  measureUnit: 0.8,
  weight: 0.7,
  direction: 0.8,
};
const SIDE_WEIGHT = 0.8;

/** Every form a targets layout prints for the document: one per project, one for all ('flat'), or the department's. */
export function layoutForms(document: TargetsDocument, layout: LayoutDef): FormTable[] {
  const money = layout.moneyUnit.unit;
  const source = (project: FormSource['project']): FormSource => ({
    unit: document.unit,
    project,
    overall: project ? null : document.overall,
    money,
  });
  if (layout.kind === 'overall-targets')
    return [boxedForm(document, layout, source(null), document.overall.indicators ?? [], '部门整体')];
  if (layout.indicators.shape === 'flat') return [flatForm(document, layout, source)];
  return document.projects.map((project, i) =>
    boxedForm(document, layout, source(project), project.indicators, `${i + 1}、${project.name}`),
  );
}

/** The label as this form prints it: budget labels carry the money unit when the form states it there. */
function labelOf(layout: LayoutDef, column: Column<HeaderField>): string {
  const stated = layout.moneyUnit.stated === 'label' && BUDGET_FIELDS.includes(column.field);
  return stated ? `${column.label}（${layout.moneyUnit.unit}）` : column.label;
}

function titleLines(document: TargetsDocument, layout: LayoutDef): Pick<FormTable, 'title' | 'above'> {
  const year = document.fiscalYear === undefined ? '' : `${document.fiscalYear}年度`;
  const fields = [...layout.header.flat(), ...(layout.projectColumns ?? [])].map((column) => column.field);
  const above: string[] = [];
  // A form that names no unit gets the line most official forms print above the table.
  if (!fields.includes('unitName') && !fields.includes('implementer')) above.push(`填报单位：${document.unit.name}`);
  if (layout.moneyUnit.stated === 'above') above.push(`单位：${layout.moneyUnit.unit}`);
  return { title: `${year}${layout.title}`, above };
}

/** Cells added row by row. */
class Grid {
  readonly cells: FormCell[] = [];
  row = 0;
  add(text: string, column: number, colSpan: number, role: FormCell['role'], rowSpan = 1): void {
    this.cells.push({ text, row: this.row, column, rowSpan, colSpan, role });
  }
}

/**
 * A form for one project (or the department): the money-unit cell if the form has one, the header rows as
 * label–value pairs across the width, then the indicator head and rows, a side label merged down their left.
 */
function boxedForm(
  document: TargetsDocument,
  layout: LayoutDef,
  source: FormSource,
  indicators: Indicator[],
  name: string,
): FormTable {
  const side = layout.indicators.sideLabel === undefined ? 0 : 1;
  const columns = layout.indicators.columns;
  const pairs = Math.max(1, ...layout.header.map((row) => row.length));
  const width = Math.max(side + columns.length, 2 * pairs);
  const spans = indicatorSpans(columns, width - side);
  const grid = new Grid();
  if (layout.moneyUnit.stated === 'cell') {
    grid.add(`单位：${layout.moneyUnit.unit}`, 0, width, 'value');
    grid.row += 1;
  }
  for (const row of layout.header) {
    headerRow(grid, layout, row, source, width);
    grid.row += 1;
  }
  const first = grid.row;
  if (side === 1) grid.add(layout.indicators.sideLabel!, 0, 1, 'label', 1 + indicators.length);
  spans.forEach(({ from, span }, i) => grid.add(columns[i]!.label, side + from, span, 'label'));
  grid.row += 1;
  indicatorBlock(grid, layout, indicators, side, spans);
  return {
    name,
    ...titleLines(document, layout),
    width,
    weights: [...(side ? [SIDE_WEIGHT] : []), ...spreadWeights(columns, spans)],
    rowCount: grid.row,
    cells: grid.cells,
    head: { first, last: first },
  };
}

/** Where each indicator column starts and how many grid columns it covers: spare width goes to 三级指标. */
function indicatorSpans(columns: readonly Column<IndicatorField>[], width: number): { from: number; span: number }[] {
  const spare = width - columns.length;
  const wide = Math.max(
    0,
    columns.findIndex((column) => column.field === 'name'),
  );
  let from = 0;
  return columns.map((_, i) => {
    const span = 1 + (i === wide ? spare : 0);
    const placed = { from, span };
    from += span;
    return placed;
  });
}

function spreadWeights(columns: readonly Column<IndicatorField>[], spans: { span: number }[]): number[] {
  return columns.flatMap((column, i) => {
    const { span } = spans[i]!;
    const weight = (WEIGHTS[column.field] ?? 1) * (span > 1 ? 1 + span * 0.3 : 1);
    return Array.from({ length: span }, () => weight / span);
  });
}

/** k label–value pairs spread over the width: segments as even as possible, a label one column (two when roomy). */
function headerRow(
  grid: Grid,
  layout: LayoutDef,
  row: readonly Column<HeaderField>[],
  source: FormSource,
  width: number,
): void {
  const base = Math.floor(width / row.length);
  const extra = width % row.length;
  const texts = row.map((field) => headerText(field.field, source));
  // A row of labels with every value empty reads as column heads over the row below: a dash says "no amount".
  const dash = row.length > 1 && texts.every((text) => text === '');
  let column = 0;
  row.forEach((field, i) => {
    const segment = base + (i >= row.length - extra ? 1 : 0);
    const labelSpan = segment >= 4 ? 2 : 1;
    const amount = BUDGET_FIELDS.includes(field.field);
    const text = dash && amount ? '—' : texts[i]!;
    grid.add(labelOf(layout, field), column, labelSpan, 'label');
    grid.add(text, column + labelSpan, segment - labelSpan, amount ? 'amount' : 'value');
    column += segment;
  });
}

/**
 * The indicator rows from the grid's current row: 'tree' merges 一级 over its run and 二级 over its run inside
 * it; 'rows' (and 'flat') print every cell. `offset` is the first indicator column.
 */
function indicatorBlock(
  grid: Grid,
  layout: LayoutDef,
  indicators: Indicator[],
  offset: number,
  spans: { from: number; span: number }[],
): void {
  const fields = layout.indicators.columns.map((column) => column.field);
  const tree = layout.indicators.shape === 'tree';
  const keys = (indicator: Indicator): Partial<Record<IndicatorField, string>> => ({
    level1: indicator.level1,
    level2: `${indicator.level1}\u0000${indicator.level2}`,
  });
  indicators.forEach((indicator, i) => {
    const texts = indicatorTexts(indicator, fields);
    fields.forEach((field, c) => {
      const { from, span } = spans[c]!;
      const key = tree && texts[c] !== '' ? keys(indicator)[field] : undefined;
      if (key !== undefined && i > 0 && keys(indicators[i - 1]!)[field] === key) return;
      let run = 1;
      while (key !== undefined && i + run < indicators.length && keys(indicators[i + run]!)[field] === key) run += 1;
      grid.add(texts[c]!, offset + from, span, 'value', run);
    });
    grid.row += 1;
  });
}

/**
 * All projects in one table (湖南): the project's own columns merged down its indicator rows, under a head that
 * puts the side label ("绩效指标") over the indicator columns when the form has one.
 */
function flatForm(
  document: TargetsDocument,
  layout: LayoutDef,
  source: (project: FormSource['project']) => FormSource,
): FormTable {
  const own = layout.projectColumns ?? [];
  const columns = layout.indicators.columns;
  const width = own.length + columns.length;
  const spans = columns.map((_, i) => ({ from: i, span: 1 }));
  const grid = new Grid();
  const group = layout.indicators.sideLabel;
  const headRows = group === undefined ? 1 : 2;
  own.forEach((column, i) => grid.add(labelOf(layout, column), i, 1, 'label', headRows));
  if (group !== undefined) {
    grid.add(group, own.length, columns.length, 'label');
    grid.row += 1;
  }
  columns.forEach((column, i) => grid.add(column.label, own.length + i, 1, 'label'));
  grid.row += 1;
  for (const project of document.projects) {
    const rows = Math.max(1, project.indicators.length);
    own.forEach((column, i) => {
      const amount = BUDGET_FIELDS.includes(column.field);
      const text = headerText(column.field, source(project));
      // An empty cell under a project's column reads as "as above" (the reader carries merged cells down): a
      // dash says "no amount" for this project.
      grid.add(amount && text === '' ? '—' : text, i, 1, amount ? 'amount' : 'value', rows);
    });
    if (project.indicators.length === 0) {
      columns.forEach((_, i) => grid.add('', own.length + i, 1, 'value'));
      grid.row += 1;
    } else indicatorBlock(grid, layout, project.indicators, own.length, spans);
  }
  return {
    name: layout.title,
    ...titleLines(document, layout),
    width,
    weights: [...own.map((column) => (column.field === 'goals' ? 2.2 : 1.1)), ...spreadWeights(columns, spans)],
    rowCount: grid.row,
    cells: grid.cells,
    head: { first: 0, last: headRows - 1 },
  };
}
