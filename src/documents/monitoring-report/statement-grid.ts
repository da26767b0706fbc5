import {
  LANDSCAPE_WIDTH,
  type ReportCell,
  type ReportTable,
  amountCell,
  cell,
  label,
  mergeLevels,
  widths,
} from '../reports/grid.ts';
import type { MonitoringStatement, StatementIndicator, StatementProject } from './types.ts';

/*
 * 绩效监控情况表, one per project, in the layout of the 财预〔2019〕136号 annex: the money part (年初预算数, 全年预算数,
 * 1-N月执行数, 执行率, 全年预计执行数, with 拨付 and 结转结余 the unit also states), then one row per indicator —
 * 年度指标值, 1-N月执行情况, 全年预计完成情况, 偏差原因, 完成目标可能性, 原因说明, 改进措施. Eleven grid columns.
 */
const COLUMN_WEIGHTS = [9, 9, 10, 15, 12, 13, 13, 11, 10, 18, 18];
const LAST = COLUMN_WEIGHTS.length - 1;
const MONEY_SPANS = [
  [1, 2],
  [3, 4],
  [5, 5],
  [6, 6],
  [7, 8],
  [9, 9],
  [10, 10],
] as const;

export function statementTitle(statement: MonitoringStatement): string {
  return `${statement.unitName}${statement.fiscalYear}年度绩效监控情况表（1-${statement.month}月）`;
}

/** One line over the tables: how many projects, and whether this is the submitted version or a draft. */
export function statementSummary(statement: MonitoringStatement): string {
  const state = statement.submittedAt === null ? '尚未提交（草稿）' : `已于 ${statement.submittedAt.slice(0, 10)} 提交`;
  return `${statement.unitName}（${statement.unitCode}）${statement.fiscalYear}年1-${statement.month}月绩效监控情况，共 ${statement.projects.length} 个项目；${state}。金额单位：元。`;
}

export function statementGrids(statement: MonitoringStatement): ReportTable[] {
  return statement.projects.map((project, i) => projectGrid(statement, project, i + 1));
}

function projectGrid(statement: MonitoringStatement, project: StatementProject, seq: number): ReportTable {
  const n = statement.month;
  const moneyLabels = [
    '年初预算数',
    '全年预算数',
    `1-${n}月执行数`,
    '执行率',
    '全年预计执行数',
    `1-${n}月拨付数`,
    '结转结余',
  ];
  const money = [
    amountCell(project.initialBudget, ...MONEY_SPANS[0]),
    amountCell(project.fullYearBudget, ...MONEY_SPANS[1]),
    amountCell(project.spentToDate, ...MONEY_SPANS[2]),
    cell(project.executionRate === null ? '' : `${project.executionRate}%`, ...MONEY_SPANS[3]),
    amountCell(project.forecastFullYear, ...MONEY_SPANS[4]),
    amountCell(project.releasedToDate, ...MONEY_SPANS[5]),
    amountCell(project.carryOver, ...MONEY_SPANS[6]),
  ];
  const rows: ReportCell[][] = [
    [
      cell(`项目编码：${project.code}`, 0, 6, { caption: true, align: 'left' }),
      cell('金额单位：元', 7, LAST, { caption: true, align: 'right' }),
    ],
    [label('项目名称', 0), cell(project.name, 1, LAST, { align: 'left' })],
    [label('项目资金', 0, 0, { merge: 'restart' }), ...MONEY_SPANS.map(([a, b], i) => label(moneyLabels[i]!, a, b))],
    [cell('', 0, 0, { merge: 'continue' }), ...money],
  ];
  const headerRow = rows.length;
  const headers = [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    `1-${n}月执行情况`,
    '全年预计完成情况',
    '偏差原因',
    '完成目标可能性',
    '原因说明',
    '改进措施',
  ];
  rows.push(headers.map((text, c) => label(text, c, c, c === 0 ? { merge: 'restart' } : {})));
  const indicatorRows = project.indicators.map(indicatorRow);
  mergeLevels(indicatorRows, project.indicators, 1);
  rows.push(...indicatorRows);
  return {
    title: '绩效监控情况表',
    subtitle: `（${statement.fiscalYear}年1-${n}月）`,
    sheet: `${seq}、${project.name}`,
    landscape: true,
    columnWidths: widths(LANDSCAPE_WIDTH, COLUMN_WEIGHTS),
    rows,
    headerRow,
  };
}

function indicatorRow(indicator: StatementIndicator): ReportCell[] {
  return [
    cell('', 0, 0, { merge: 'continue' }),
    cell(indicator.level1, 1),
    cell(indicator.level2, 2),
    cell(indicator.name, 3),
    cell(indicator.target, 4),
    cell(indicator.valueToDate, 5),
    cell(indicator.forecast, 6),
    cell(indicator.categories.join('、'), 7),
    cell(indicator.likelihood, 8),
    cell(indicator.reason, 9, 9, { align: 'left' }),
    cell(indicator.measures, 10, 10, { align: 'left' }),
  ];
}
