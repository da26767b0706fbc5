import type { Worksheet } from 'exceljs';
import { checkOrgCode } from '../../domain/codes.ts';
import type { MeasureSection, OverallGoal, OverallTargets, Unit } from '../../domain/targets.ts';
import { labelKey } from '../seed-text/lines.ts';
import { type SheetContext, cellAddress, failAt, readText } from './cells.ts';
import { GOALS_HEADER, MEASURES_HEADER, MEASURES_TITLE, UNIT_LABELS } from './layout.ts';
import { expectHeader, rowsWithValues } from './sheet-rows.ts';

export interface OverallSheet {
  unit: Unit;
  fiscalYear: number | undefined;
  overall: OverallTargets;
}

/**
 * 总体目标: the unit block (label in A, value in B), then the goals table (header 序号 | 总体绩效目标 |
 * 分项绩效目标) and the measures table (header 保障措施 | 编号 | 内容), found by their header rows.
 */
export function readOverallSheet(ctx: SheetContext, sheet: Worksheet): OverallSheet {
  const rows = rowsWithValues(ctx, sheet);
  const labelOf = (row: number) => labelKey(readText(ctx, sheet, row, 1));
  const find = (label: string) => rows.find((row) => labelOf(row) === labelKey(label));
  const unitRow = (label: string) => {
    const row = find(label);
    if (row === undefined) failAt(ctx, sheet.name, 'A2', `找不到“${label}”行（A 列写标签，B 列写内容）`, ['unit']);
    return row;
  };
  const codeRow = unitRow(UNIT_LABELS.code);
  const nameRow = unitRow(UNIT_LABELS.name);
  const unit = {
    code: required(ctx, sheet, codeRow, UNIT_LABELS.code),
    name: required(ctx, sheet, nameRow, UNIT_LABELS.name),
  };
  // Codes reach URLs and file names: one that breaks the code rules is refused here, by cell (decision 020).
  const codeProblem = checkOrgCode(unit.code);
  if (codeProblem !== null)
    failAt(ctx, sheet.name, cellAddress(codeRow, 2), `${UNIT_LABELS.code}不符合要求：${codeProblem}`, ['unit', 'code']);
  const yearRow = find(UNIT_LABELS.year);
  const fiscalYear = yearRow === undefined ? undefined : readYear(ctx, sheet, yearRow);

  const goalsHeader = rows.find((row) => labelOf(row) === labelKey(GOALS_HEADER[0]));
  const measuresHeader = rows.find((row) => labelOf(row) === labelKey(MEASURES_HEADER[0]));
  const measuresTitle = rows.find((row) => labelOf(row) === labelKey(MEASURES_TITLE));
  if (goalsHeader !== undefined) expectHeader(ctx, sheet, goalsHeader, GOALS_HEADER);
  if (measuresHeader !== undefined) expectHeader(ctx, sheet, measuresHeader, MEASURES_HEADER);
  const goalsEnd = Math.min(measuresTitle ?? Infinity, measuresHeader ?? Infinity);
  const goalRows = goalsHeader === undefined ? [] : rows.filter((row) => row > goalsHeader && row < goalsEnd);
  const measureRows = measuresHeader === undefined ? [] : rows.filter((row) => row > measuresHeader);
  return {
    unit,
    fiscalYear,
    overall: { goals: readGoals(ctx, sheet, goalRows), measures: readMeasures(ctx, sheet, measureRows) },
  };
}

function required(ctx: SheetContext, sheet: Worksheet, row: number, label: string): string {
  const text = readText(ctx, sheet, row, 2);
  if (text === '') failAt(ctx, sheet.name, cellAddress(row, 2), `${label}不能为空`, ['unit']);
  return text;
}

function readYear(ctx: SheetContext, sheet: Worksheet, row: number): number | undefined {
  const text = readText(ctx, sheet, row, 2).replace(/年$/, '');
  if (text === '') return undefined;
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1990 || year > 2100) {
    failAt(ctx, sheet.name, cellAddress(row, 2), `年度应为四位年份（如 2020），实际为“${text}”`, ['fiscalYear']);
  }
  return year;
}

function readGoals(ctx: SheetContext, sheet: Worksheet, rows: number[]): OverallGoal[] {
  const goals: OverallGoal[] = [];
  for (const row of rows) {
    const seqText = readText(ctx, sheet, row, 1);
    const title = readText(ctx, sheet, row, 2);
    const detail = readText(ctx, sheet, row, 3);
    if (title === '')
      failAt(ctx, sheet.name, cellAddress(row, 2), '总体绩效目标不能为空', ['overall', 'goals', goals.length, 'title']);
    const seq = seqText === '' ? goals.length + 1 : Number(seqText);
    if (!/^\d{1,4}$/.test(seqText) && seqText !== '') {
      failAt(ctx, sheet.name, cellAddress(row, 1), `序号应为正整数，实际为“${seqText}”`, [
        'overall',
        'goals',
        goals.length,
        'seq',
      ]);
    }
    if (seq < 1)
      failAt(ctx, sheet.name, cellAddress(row, 1), '序号应从 1 开始', ['overall', 'goals', goals.length, 'seq']);
    goals.push({ seq, title, detail: detail === '' ? null : detail });
  }
  return goals;
}

/** A heading left empty continues the section above (its cell is merged over the items in the export). */
function readMeasures(ctx: SheetContext, sheet: Worksheet, rows: number[]): MeasureSection[] {
  const sections: MeasureSection[] = [];
  let previousHeading: string | null = null;
  for (const row of rows) {
    const written = readText(ctx, sheet, row, 1);
    const label = readText(ctx, sheet, row, 2);
    const text = readText(ctx, sheet, row, 3);
    const heading: string | null = written === '' ? previousHeading : written;
    if (heading === null)
      failAt(ctx, sheet.name, cellAddress(row, 1), '保障措施标题不能为空', ['overall', 'measures', 0, 'heading']);
    const current = sections.at(-1);
    const section: MeasureSection = current && heading === previousHeading ? current : { heading, items: [] };
    if (section !== current) sections.push(section);
    // A heading row with neither label nor text is a section without items.
    if (label !== '' || text !== '') section.items.push({ label, text });
    previousHeading = heading;
  }
  return sections;
}
