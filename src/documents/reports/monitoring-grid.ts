import type { MonitoringReport, MonitoringReportIndicator, MonitoringReportProject } from './types.ts';
import {
  LANDSCAPE_WIDTH,
  type ReportCell,
  type ReportTable,
  amountCell,
  cell,
  label,
  mergeLevels,
  widths,
} from './grid.ts';

/*
 * 项目支出绩效目标执行监控表 (财预〔2019〕136号 附件), landscape: ten grid columns, the indicator part's
 * 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 | 1-N月执行情况 | 全年预计完成情况 | 完成目标可能性 | 偏差原因 | 完善措施;
 * the money part's five figures spread over the nine columns right of the label.
 */
const COLUMN_WEIGHTS = [11, 11, 12, 17, 13, 15, 15, 13, 19, 20];
const LAST = COLUMN_WEIGHTS.length - 1;
/** 年初预算数 | 调整后预算数 | 1-N月执行数 | 执行率 | 全年预计执行数 over columns 1..9. */
const MONEY_SPANS = [
  [1, 2],
  [3, 4],
  [5, 6],
  [7, 7],
  [8, 9],
] as const;

export function monitoringTitle(report: MonitoringReport): string {
  return `${report.unitName}${report.fiscalYear}年度项目支出绩效目标执行监控表（1-${report.asOfMonth}月）`;
}

function monitoringHeaders(asOfMonth: number): string[] {
  return [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    `1-${asOfMonth}月执行情况`,
    '全年预计完成情况',
    '完成目标可能性',
    '偏差原因',
    '完善措施',
  ];
}

export function monitoringGrids(report: MonitoringReport): ReportTable[] {
  return report.projects.map((project, p) => monitoringGrid(report, project, p + 1));
}

function monitoringGrid(report: MonitoringReport, project: MonitoringReportProject, seq: number): ReportTable {
  const n = report.asOfMonth;
  const moneyLabels = ['年初预算数', '调整后预算数', `1-${n}月执行数`, '执行率', '全年预计执行数'];
  const rows: ReportCell[][] = [
    [
      cell(`项目编码：${project.code}`, 0, 6, { caption: true, align: 'left' }),
      cell('金额单位：元', 7, LAST, { caption: true, align: 'right' }),
    ],
    [label('项目名称', 0), cell(project.name, 1, LAST, { align: 'left' })],
    [
      label('主管部门', 0),
      cell(report.department ?? '', 1, 4, { align: 'left' }),
      label('实施单位', 5),
      cell(`${report.unitName}（${report.unitCode}）`, 6, LAST, { align: 'left' }),
    ],
    [
      label('项目资金（元）', 0, 0, { merge: 'restart' }),
      ...MONEY_SPANS.map(([from, to], i) => label(moneyLabels[i]!, from, to)),
    ],
    [
      cell('', 0, 0, { merge: 'continue' }),
      amountCell(project.initialBudget, ...MONEY_SPANS[0]),
      amountCell(project.adjustedBudget ?? project.initialBudget, ...MONEY_SPANS[1]),
      amountCell(project.spentToDate, ...MONEY_SPANS[2]),
      rateCell(project.executionRate, ...MONEY_SPANS[3]),
      amountCell(project.forecastFullYear, ...MONEY_SPANS[4]),
    ],
  ];
  const headerRow = rows.length;
  rows.push(monitoringHeaders(n).map((text, c) => label(text, c, c, c === 0 ? { merge: 'restart' } : {})));
  const indicatorRows = project.indicators.map((indicator) => indicatorRow(indicator, n));
  mergeLevels(indicatorRows, project.indicators, 1);
  rows.push(...indicatorRows);
  return {
    title: '项目支出绩效目标执行监控表',
    subtitle: `（${report.fiscalYear}年1-${n}月）`,
    sheet: `${seq}、${project.name}`,
    landscape: true,
    columnWidths: widths(LANDSCAPE_WIDTH, COLUMN_WEIGHTS),
    rows,
    headerRow,
  };
}

function rateCell(rate: string | null, from: number, to: number): ReportCell {
  return rate === null ? cell('', from, to) : cell(`${rate}%`, from, to, { number: Number(rate) });
}

function indicatorRow(indicator: MonitoringReportIndicator, asOfMonth: number): ReportCell[] {
  // Progress recorded at an earlier checkpoint than the table's month says so, rather than passing for 1-N月.
  const when = indicator.month !== null && indicator.month !== asOfMonth ? `（截至${indicator.month}月）` : '';
  const reason = [indicator.deviationCategory, indicator.reason].filter((t) => t.trim() !== '').join('：');
  return [
    cell('', 0, 0, { merge: 'continue' }),
    cell(indicator.level1, 1),
    cell(indicator.level2, 2),
    cell(indicator.name, 3),
    cell(indicator.target, 4),
    cell(indicator.valueToDate === '' ? '' : `${indicator.valueToDate}${when}`, 5),
    cell(indicator.forecast, 6),
    cell(indicator.likelihood, 7),
    cell(reason, 8, 8, { align: 'left' }),
    cell(indicator.measures, 9, 9, { align: 'left' }),
  ];
}
