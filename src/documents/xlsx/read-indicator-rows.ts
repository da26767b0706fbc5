import type { Worksheet } from 'exceljs';
import { categoryOfLevel1 } from '../../domain/indicator-category.ts';
import { describeTargetKind, looksUnparsedNumber, parseTargetValue } from '../../domain/target-value.ts';
import type { Indicator } from '../../domain/targets.ts';
import { quote } from '../seed-text/context.ts';
import { type SheetContext, cellAddress, failAt, noteAt, readText } from './cells.ts';
import { HEADER_ROW, INDICATOR_HEADER, SHEETS } from './layout.ts';
import type { ProjectRow } from './read-project-rows.ts';
import { expectHeader, rowsWithValues } from './sheet-rows.ts';

/**
 * 指标明细: each row is one indicator of the project its 项目编码 names (which must be in 项目). An empty
 * 一级/二级 repeats the previous row of the same project, as a merged cell does in the official table.
 */
export function readIndicatorRows(ctx: SheetContext, sheet: Worksheet, projects: ProjectRow[]): void {
  expectHeader(ctx, sheet, HEADER_ROW, INDICATOR_HEADER);
  const byCode = new Map(projects.map((entry, index) => [entry.project.code, { ...entry, index }]));
  for (const row of rowsWithValues(ctx, sheet)) {
    if (row <= HEADER_ROW) continue;
    const code = readText(ctx, sheet, row, 1);
    if (code === '') failAt(ctx, sheet.name, cellAddress(row, 1), '项目编码不能为空');
    const entry = byCode.get(code);
    if (!entry)
      failAt(
        ctx,
        sheet.name,
        cellAddress(row, 1),
        `项目编码 ${code} 不在工作表“${SHEETS.projects}”中，请先在那里填写该项目`,
      );
    const name = readText(ctx, sheet, row, 2);
    if (name !== '' && name !== entry.project.name) {
      failAt(
        ctx,
        sheet.name,
        cellAddress(row, 2),
        `项目名称${quote(name)}与工作表“${SHEETS.projects}”第 ${entry.row} 行的${quote(entry.project.name)}不一致`,
      );
    }
    const indicators = entry.project.indicators;
    const path = ['projects', entry.index, 'indicators', indicators.length];
    indicators.push(readIndicator(ctx, sheet, row, indicators.at(-1), path));
  }
}

function readIndicator(
  ctx: SheetContext,
  sheet: Worksheet,
  row: number,
  previous: Indicator | undefined,
  path: (string | number)[],
): Indicator {
  const text = (column: number) => readText(ctx, sheet, row, column);
  const level1 = inherit(ctx, sheet, row, 3, previous?.level1, '一级指标', [...path, 'level1']);
  // 二级 repeats the row above only under the same 一级; otherwise an empty 二级 is a gap the review reports.
  const level1Cell = readText(ctx, sheet, row, 3);
  const sameLevel1 = level1Cell === '' || level1Cell === previous?.level1;
  const level2 =
    readText(ctx, sheet, row, 4) === '' && !(previous !== undefined && sameLevel1)
      ? missingLevel2(ctx, sheet, row)
      : inherit(ctx, sheet, row, 4, previous?.level2, '二级指标', [...path, 'level2']);
  const name = text(5);
  if (name === '') failAt(ctx, sheet.name, cellAddress(row, 5), '三级指标不能为空', [...path, 'name']);
  const target = parseTargetValue(text(7));
  const address = cellAddress(row, 7);
  const kind = describeTargetKind(target);
  if (kind === 'missing-number')
    noteAt(
      ctx,
      sheet.name,
      address,
      row,
      'target-missing-number',
      `指标“${name}”的指标值“${target.raw}”只有单位，缺少数值`,
    );
  else if (kind === 'empty') noteAt(ctx, sheet.name, address, row, 'target-empty', `指标“${name}”没有填写指标值`);
  else if (looksUnparsedNumber(target)) {
    noteAt(
      ctx,
      sheet.name,
      address,
      row,
      'target-unparsed',
      `指标“${name}”的指标值${quote(target.raw)}含有数字但无法识别运算符与单位，已按定性值保留原文`,
    );
  }
  return { level1, level2, name, description: text(6), target, basis: text(8), category: categoryOfLevel1(level1) };
}

function missingLevel2(ctx: SheetContext, sheet: Worksheet, row: number): string {
  noteAt(ctx, sheet.name, cellAddress(row, 4), row, 'level2-missing', '二级指标为空，已按未填写导入，审核将指出该行');
  return '';
}

function inherit(
  ctx: SheetContext,
  sheet: Worksheet,
  row: number,
  column: number,
  above: string | undefined,
  label: string,
  path: (string | number)[],
): string {
  const text = readText(ctx, sheet, row, column);
  if (text !== '') return text;
  const address = cellAddress(row, column);
  if (above === undefined) failAt(ctx, sheet.name, address, `${label}不能为空`, path);
  noteAt(ctx, sheet.name, address, row, 'merged-cell-filled', `${label}为空，已沿用同一项目上一行的“${above}”`);
  return above;
}
