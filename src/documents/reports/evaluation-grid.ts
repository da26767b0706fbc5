import type {
  EvaluationReport,
  EvaluationReportIndicator,
  EvaluationReportProject,
  EvaluationReportTotal,
  ReportBand,
} from './types.ts';
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
  rows.push(...totalRows(project));
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
      execution.flag === 'zero-budget' ? cell('不可计算', 7) : numberCell(execution.rate, 7, 7, '%'),
      execution.flag === 'zero-budget' ? cell('—', 8) : numberCell(execution.points, 8),
    ],
  ];
  rows.push(
    splitRow('其中：财政拨款', project.initialFiscal, project.spentFiscal),
    splitRow('其他资金', project.initialOther, project.spentOther),
  );
  const flag = execution.flag === null ? '' : EXECUTION_FLAGS[execution.flag];
  const reason = [flag, project.executionReason.trim()].filter((t) => t !== '').join('\n');
  if (reason !== '') {
    rows.push([
      cell('', 0, 0, { merge: 'continue' }),
      label('执行偏差原因', 1, 2),
      cell(reason, 3, LAST, { align: 'left' }),
    ]);
  }
  return rows;
}

// 10号: a budget of 0 cannot be scored; spending above the adjusted budget is an error to flag, not a full score.
const EXECUTION_FLAGS = {
  'zero-budget': '调整后预算为 0，执行率不可计算，不计分',
  'over-spent': '执行率超过 100%，执行数超出调整后预算，须说明原因',
} as const;

/**
 * 其中 财政拨款 / 其他资金: the 年初预算数's split as the targets state it and the 执行数's; an adjustment is
 * recorded as a total only, so the 全年预算数's split is not known and prints —.
 */
function splitRow(name: string, initial: string | null, spent: string | null): ReportCell[] {
  return [
    cell('', 0, 0, { merge: 'continue' }),
    label(name, 1, 2),
    amountCell(initial, 3),
    cell('—', 4),
    amountCell(spent, 5),
    cell('—', 6),
    cell('—', 7),
    cell('—', 8),
  ];
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

const BANDS: Record<ReportBand, string> = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' };
const DECISIONS = {
  'choose-band': '待评价人选择档次',
  'no-number': '指标值无数字，待评价人选择档次',
  'fraction-of-percent': '待确认实际完成值是否为百分数',
} as const;

function indicatorRow(indicator: EvaluationReportIndicator): ReportCell[] {
  return [
    cell('', 0, 0, { merge: 'continue' }),
    cell(indicator.level1, 1),
    cell(indicator.level2, 2),
    cell(indicator.name, 3),
    cell(indicator.target, 4),
    cell(actualText(indicator), 5),
    numberCell(indicator.weight, 6),
    indicator.notApplicable ? cell('—', 7) : numberCell(indicator.points, 7),
    cell(analysisText(indicator), 8, 8, { align: 'left' }),
  ];
}

/** The unit's actual, and under it the band the points were given in (10号's 定性 bands) with the share chosen. */
function actualText(indicator: EvaluationReportIndicator): string {
  if (indicator.notApplicable) return '不适用';
  const lines = [indicator.actual ?? ''];
  if (indicator.band !== null) {
    const share = indicator.bandPercent === null ? '' : `，${formatNumber(indicator.bandPercent)}%`;
    lines.push(`（${BANDS[indicator.band]}${share}）`);
  }
  return lines.filter((l) => l !== '').join('\n');
}

/** 偏差原因分析及改进措施, then 评分理由, what is still to decide, and the bureau's 复核 with both scores. */
function analysisText(indicator: EvaluationReportIndicator): string {
  const lines = [indicator.analysis];
  if (indicator.scoreReason.trim() !== '') lines.push(`评分理由：${indicator.scoreReason.trim()}`);
  if (indicator.decision !== null && !indicator.notApplicable) lines.push(DECISIONS[indicator.decision]);
  const { recheck } = indicator;
  if (recheck !== null) {
    const actual = recheck.actual === null ? '' : `，复核完成值 ${recheck.actual}`;
    lines.push(
      `复核（${recheck.recordedBy}）：单位自评 ${pointsText(recheck.unitPoints)} 分，复核 ${pointsText(indicator.points)} 分${actual}；理由：${recheck.reason}`,
    );
  }
  return lines.filter((l) => l.trim() !== '').join('\n');
}

const pointsText = (points: number | null): string => (points === null ? '—' : points.toFixed(2));
const formatNumber = (value: number): string => String(Math.round(value * 100) / 100);

/** 总分 last (as printed); before it, where the bureau re-scored, the unit's own total (复核前). */
function totalRows(project: EvaluationReportProject): ReportCell[][] {
  const rows: ReportCell[][] = [];
  if (project.unitTotal !== null) rows.push(totalRow('单位自评总分（复核前）', project.unitTotal));
  rows.push(totalRow(project.unitTotal === null ? '总分' : '总分（复核后）', project.total));
  return rows;
}

function totalRow(name: string, total: EvaluationReportTotal): ReportCell[] {
  const shown = total.scorable && !total.incomplete;
  const grade = !total.scorable
    ? '不可评分（无适用指标）'
    : total.incomplete
      ? '数据不全，未定级'
      : `等级：${total.grade ?? ''}`;
  return [
    label(name, 0, 5),
    numberCell(100, 6),
    numberCell(shown ? total.score : null, 7),
    cell(grade, 8, 8, { label: true }),
  ];
}
