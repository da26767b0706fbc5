import type { Worksheet } from 'exceljs';
import { checkProjectCode } from '../../domain/codes.ts';
import type { Project, SpendingCheckpoint } from '../../domain/targets.ts';
import { labelKey } from '../seed-text/lines.ts';
import { type SheetContext, cellAddress, failAt, readAmount, readPercent, readText } from './cells.ts';
import { CHECKPOINT_HEADER, HEADER_ROW, PROJECT_COLUMN_COUNT, PROJECT_HEADER } from './layout.ts';
import { expectHeader, rowsWithValues, stripNumbering } from './sheet-rows.ts';

/** A project read from the 项目 sheet, with the row it came from (indicators are added later). */
export interface ProjectRow {
  row: number;
  project: Project;
}

/** 项目: the fixed columns, then one "N月底（%）" column per spending checkpoint until an empty header. */
export function readProjectRows(ctx: SheetContext, sheet: Worksheet): ProjectRow[] {
  expectHeader(ctx, sheet, HEADER_ROW, PROJECT_HEADER);
  const months = readCheckpointColumns(ctx, sheet);
  const seen = new Map<string, number>();
  const projects: ProjectRow[] = [];
  for (const row of rowsWithValues(ctx, sheet)) {
    if (row <= HEADER_ROW) continue;
    const project = readProject(ctx, sheet, row, months, projects.length);
    const first = seen.get(project.code);
    if (first !== undefined) {
      failAt(ctx, sheet.name, cellAddress(row, 1), `项目编码 ${project.code} 重复（第 ${first} 行已有）`, [
        'projects',
        projects.length,
        'code',
      ]);
    }
    seen.set(project.code, row);
    projects.push({ row, project });
  }
  return projects;
}

function readCheckpointColumns(ctx: SheetContext, sheet: Worksheet): { column: number; month: number }[] {
  const months: { column: number; month: number }[] = [];
  for (let column = PROJECT_COLUMN_COUNT + 1; column <= PROJECT_COLUMN_COUNT + 12; column++) {
    const text = readText(ctx, sheet, HEADER_ROW, column);
    if (text === '') break;
    const match = CHECKPOINT_HEADER.exec(labelKey(text).replace('(', '（').replace(')', '）'));
    const month = match ? Number(match[1]) : NaN;
    if (!(month >= 1 && month <= 12)) {
      failAt(
        ctx,
        sheet.name,
        cellAddress(HEADER_ROW, column),
        `支出计划列的表头应为“N月底（%）”（N 为 1–12），实际为“${text}”`,
      );
    }
    if (months.some((m) => m.month === month))
      failAt(ctx, sheet.name, cellAddress(HEADER_ROW, column), `${month}月底重复`);
    months.push({ column, month });
  }
  return months;
}

function readProject(
  ctx: SheetContext,
  sheet: Worksheet,
  row: number,
  months: { column: number; month: number }[],
  index: number,
): Project {
  const path = ['projects', index];
  const text = (column: number) => readText(ctx, sheet, row, column);
  const code = text(1);
  const name = text(2);
  if (code === '') failAt(ctx, sheet.name, cellAddress(row, 1), '项目编码不能为空', [...path, 'code']);
  const codeProblem = checkProjectCode(code);
  if (codeProblem !== null)
    failAt(ctx, sheet.name, cellAddress(row, 1), `项目编码不符合要求：${codeProblem}`, [...path, 'code']);
  if (name === '') failAt(ctx, sheet.name, cellAddress(row, 2), '项目名称不能为空', [...path, 'name']);
  const budget = {
    total: readAmount(ctx, sheet, row, 3, PROJECT_HEADER[2]),
    fiscal: readAmount(ctx, sheet, row, 4, PROJECT_HEADER[3]),
    other: readAmount(ctx, sheet, row, 5, PROJECT_HEADER[4]),
  };
  const spendingPlan: SpendingCheckpoint[] = [];
  let previous: { percent: number; column: number } | null = null;
  for (const { column, month } of months) {
    const percent = readPercent(ctx, sheet, row, column);
    if (percent === undefined) continue;
    if (percent !== null && percent > 100)
      failAt(ctx, sheet.name, cellAddress(row, column), `累计支出比例不能超过 100，实际为 ${percent}`);
    if (percent !== null && previous && percent < previous.percent) {
      failAt(
        ctx,
        sheet.name,
        cellAddress(row, column),
        `累计支出比例不能低于前一节点（${cellAddress(row, previous.column)} 为 ${previous.percent}）`,
      );
    }
    if (percent !== null) previous = { percent, column };
    spendingPlan.push({ month, cumulativePercent: percent });
  }
  spendingPlan.sort((a, b) => a.month - b.month);
  const goals = text(7)
    .split('\n')
    .map(stripNumbering)
    .filter((goal) => goal !== '');
  return { code, name, budget, purpose: text(6), spendingPlan, goals, indicators: [] };
}
