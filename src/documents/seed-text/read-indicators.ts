import { categoryOfLevel1 } from '../../domain/indicator-category.ts';
import { describeTargetKind, looksUnparsedNumber, parseTargetValue } from '../../domain/target-value.ts';
import type { Indicator, TargetValue } from '../../domain/targets.ts';
import { type ReadContext, fail, note, quote } from './context.ts';
import { INDICATOR_HEADERS } from './layout.ts';
import { type RowCursor, expectLabel } from './rows.ts';
import type { Row } from './tables.ts';

/** The header row (一级指标 … 指标值确定依据), then every remaining row of the table is one indicator. */
export function readIndicators(ctx: ReadContext, rows: RowCursor, field: string): Indicator[] {
  const header = rows.take(INDICATOR_HEADERS[0]);
  INDICATOR_HEADERS.forEach((label, i) => expectLabel(ctx, header, i, [label], `${field}.indicators`));
  if (header.cells.length > INDICATOR_HEADERS.length) {
    const extra = header.cells[INDICATOR_HEADERS.length]!;
    fail(
      ctx,
      extra.line,
      `指标表头应只有 ${INDICATOR_HEADERS.length} 列（${INDICATOR_HEADERS.join('、')}），多出${quote(extra.text)}`,
      `${field}.indicators`,
    );
  }
  const indicators: Indicator[] = [];
  for (const row of rows.rest()) {
    indicators.push(
      readIndicator(ctx, row, indicators[indicators.length - 1], `${field}.indicators.${indicators.length}`),
    );
  }
  return indicators;
}

function readIndicator(ctx: ReadContext, row: Row, previous: Indicator | undefined, field: string): Indicator {
  const line = row.cells[0]!.line;
  if (row.cells.length !== INDICATOR_HEADERS.length) {
    fail(
      ctx,
      line,
      `指标行应有 ${INDICATOR_HEADERS.length} 个单元格（${INDICATOR_HEADERS.join('、')}），实际为 ${row.cells.length} 个`,
      field,
    );
  }
  const [level1Cell, level2Cell, name, description, targetCell, basis] = row.cells.map((cell) => cell.text) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (name === '') fail(ctx, row.cells[2]!.line, '三级指标不能为空', `${field}.name`);
  const level1 = inherit(ctx, row.cells[0]!.line, level1Cell, previous?.level1, '一级指标', `${field}.level1`);
  const level2 = readLevel2(
    ctx,
    row.cells[1]!.line,
    level2Cell,
    level1Cell === '' || level1Cell === previous?.level1,
    previous,
  );
  const target = parseTargetValue(targetCell);
  noteTarget(ctx, row.cells[4]!.line, name, target);
  return { level1, level2, name, description, target, basis, category: categoryOfLevel1(level1) };
}

/**
 * Word tables merge the 一级/二级 cell over the rows it spans, and the text export leaves the later rows
 * empty: an empty cell repeats the row above. An empty cell with nothing above is a real gap.
 */
function inherit(
  ctx: ReadContext,
  line: number,
  text: string,
  above: string | undefined,
  label: string,
  field: string,
): string {
  if (text !== '') return text;
  if (above === undefined) fail(ctx, line, `${label}不能为空`, field);
  note(ctx, line, 'merged-cell-filled', `${label}为空（合并单元格），已沿用上一行的“${above}”`);
  return above;
}

/**
 * An empty 二级 continues the merged cell above only under the same 一级 (a Word merge never crosses a 一级
 * boundary). With no row above, or under a new 一级, it is a gap the unit left: kept as '' with a note, so the
 * file imports and the review reports it on that row (completeness.indicator-fields, guide §4 rule 2).
 */
function readLevel2(
  ctx: ReadContext,
  line: number,
  text: string,
  sameLevel1: boolean,
  previous: Indicator | undefined,
): string {
  if (text !== '') return text;
  if (previous !== undefined && sameLevel1) {
    note(ctx, line, 'merged-cell-filled', `二级指标为空（合并单元格），已沿用上一行的“${previous.level2}”`);
    return previous.level2;
  }
  note(ctx, line, 'level2-missing', '二级指标为空，已按未填写导入，审核将指出该行');
  return '';
}

function noteTarget(ctx: ReadContext, line: number, name: string, target: TargetValue): void {
  const kind = describeTargetKind(target);
  if (kind === 'missing-number') {
    note(ctx, line, 'target-missing-number', `指标“${name}”的指标值“${target.raw}”只有单位，缺少数值`);
  } else if (kind === 'empty') {
    note(ctx, line, 'target-empty', `指标“${name}”没有填写指标值`);
  } else if (looksUnparsedNumber(target)) {
    note(
      ctx,
      line,
      'target-unparsed',
      `指标“${name}”的指标值${quote(target.raw)}含有数字但无法识别运算符与单位，已按定性值保留原文`,
    );
  }
}
