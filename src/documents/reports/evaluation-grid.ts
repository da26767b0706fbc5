import type { EvaluationReport, EvaluationReportIndicator, EvaluationReportProject } from './types.ts';
import {
  PORTRAIT_WIDTH,
  type ReportCell,
  type ReportTable,
  amountCell,
  cell,
  label,
  mergeLevels,
  numberCell,
  widths,
} from './grid.ts';

/*
 * 项目支出绩效自评表 (财预〔2020〕10号 附件): nine grid columns, the indicator part's
 * 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施.
 * The money part uses the same columns: label | 项目 (two) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
 */
// The three money columns (3-5) are as wide as a 12-character amount ("1,234,567.80") in 10.5 pt
// Times New Roman; the label columns give way, their short Chinese labels wrap instead.
const COLUMN_WEIGHTS = [8, 8, 9, 14, 14, 14, 7, 8, 14];
const LAST = COLUMN_WEIGHTS.length - 1;
const EVALUATION_INDICATOR_HEADERS = [
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];

export function evaluationTitle(report: EvaluationReport): string {
  return `${report.unitName}${report.fiscalYear}年度项目支出绩效自评表`;
}

export function evaluationGrids(report: EvaluationReport): ReportTable[] {
  return report.projects.map((project, p) => evaluationGrid(report, project, p + 1));
}

function evaluationGrid(report: EvaluationReport, project: EvaluationReportProject, seq: number): ReportTable {
  const rows: ReportCell[][] = [
    [
      cell(`项目编码：${project.code}`, 0, 5, { caption: true, align: 'left' }),
      cell('金额单位：元', 6, LAST, { caption: true, align: 'right' }),
    ],
    [label('项目名称', 0), cell(project.name, 1, LAST, { align: 'left' })],
    [
      label('主管部门', 0),
      cell(report.department ?? '', 1, 3, { align: 'left' }),
      label('实施单位', 4),
      cell(`${report.unitName}（${report.unitCode}）`, 5, LAST, { align: 'left' }),
    ],
    ...moneyRows(project),
    ...goalRows(project),
  ];
  const headerRow = rows.length;
  rows.push(EVALUATION_INDICATOR_HEADERS.map((text, c) => label(text, c, c, c === 0 ? { merge: 'restart' } : {})));
  const indicatorRows = project.indicators.map(indicatorRow);
  mergeLevels(indicatorRows, project.indicators, 1);
  rows.push(...indicatorRows);
  rows.push([
    label('总分', 0, 5),
    numberCell(100, 6),
    numberCell(project.incomplete ? null : project.score, 7),
    cell(project.incomplete ? '数据不全，未定级' : `等级：${project.grade ?? ''}`, 8, 8, { label: true }),
  ]);
  return {
    title: '项目支出绩效自评表',
    subtitle: `（${report.fiscalYear}年度）`,
    sheet: `${seq}、${project.name}`,
    landscape: false,
    columnWidths: widths(PORTRAIT_WIDTH, COLUMN_WEIGHTS),
    rows,
    headerRow,
  };
}

function moneyRows(project: EvaluationReportProject): ReportCell[][] {
  const { execution } = project;
  const rows: ReportCell[][] = [
    [
      label('项目资金（元）', 0, 0, { merge: 'restart' }),
      cell('', 1, 2),
      label('年初预算数', 3),
      label('全年预算数', 4),
      label('全年执行数', 5),
      label('分值', 6),
      label('执行率', 7),
      label('得分', 8),
    ],
    [
      cell('', 0, 0, { merge: 'continue' }),
      label('年度资金总额', 1, 2),
      amountCell(project.initialBudget, 3),
      amountCell(project.adjustedBudget, 4),
      amountCell(project.spent, 5),
      numberCell(execution.weight, 6),
      numberCell(execution.rate, 7, 7, '%'),
      numberCell(execution.points, 8),
    ],
  ];
  if (project.executionReason.trim() !== '') {
    rows.push([
      cell('', 0, 0, { merge: 'continue' }),
      label('执行偏差原因', 1, 2),
      cell(project.executionReason, 3, LAST, { align: 'left' }),
    ]);
  }
  return rows;
}

function goalRows(project: EvaluationReportProject): ReportCell[][] {
  const goals =
    project.goals.length <= 1 ? project.goals.join('') : project.goals.map((g, i) => `${i + 1}、${g}`).join('\n');
  return [
    [label('年度总体目标', 0, 0, { merge: 'restart' }), label('预期目标', 1, 4), label('实际完成情况', 5, LAST)],
    [
      cell('', 0, 0, { merge: 'continue' }),
      cell(goals, 1, 4, { align: 'left' }),
      cell(project.achieved, 5, LAST, { align: 'left' }),
    ],
  ];
}

function indicatorRow(indicator: EvaluationReportIndicator): ReportCell[] {
  const actual = indicator.notApplicable ? '不适用' : (indicator.actual ?? '');
  return [
    cell('', 0, 0, { merge: 'continue' }),
    cell(indicator.level1, 1),
    cell(indicator.level2, 2),
    cell(indicator.name, 3),
    cell(indicator.target, 4),
    cell(actual, 5),
    numberCell(indicator.weight, 6),
    indicator.notApplicable ? cell('—', 7) : numberCell(indicator.points, 7),
    cell(indicator.analysis, 8, 8, { align: 'left' }),
  ];
}
