import type { DepartmentEvaluationInput } from '../../domain/department-evaluation/model.ts';
import type { PresentedDepartmentScore } from '../../domain/department-evaluation/present.ts';
import type { Indicator } from '../../domain/targets.ts';
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

/** What the printed 部门整体支出绩效自评表 states: plain data (it crosses to a render thread). */
export interface DepartmentEvaluationReport {
  unitCode: string;
  unitName: string;
  fiscalYear: number;
  /** 主管部门, when the unit has one. */
  department: string | null;
  /** 草稿 / 已提交 … in words. */
  statusText: string;
  form: DepartmentEvaluationInput;
  indicators: Indicator[];
  /** The score in force (the bureau's after a 复核). */
  score: PresentedDepartmentScore;
  /** The unit's own total beside the bureau's, with the reason and who, after a 复核. */
  recheck: { unitTotal: number; reason: string; by: string } | null;
}

/*
 * 部门整体支出绩效自评表 (财预〔2020〕10号's 部门整体 form with the bureau's management items, decision 045),
 * portrait, eight grid columns: the budget execution by source with 结转结余, the overall indicators with
 * actuals and the points they carry in the total, the management items, the total and the grade.
 */
const COLUMN_WEIGHTS = [12, 12, 16, 14, 14, 9, 9, 20];
const LAST = COLUMN_WEIGHTS.length - 1;
const SOURCES = { total: '年度资金总额', fiscal: '其中：财政拨款', other: '其他资金' } as const;

export function departmentEvaluationTitle(report: DepartmentEvaluationReport): string {
  return `部门整体支出绩效自评表（${report.fiscalYear}年度）`;
}

export function departmentEvaluationSummary(report: DepartmentEvaluationReport): string {
  const grade = report.score.grade ?? (report.score.incomplete ? '待评' : '—');
  return `${report.unitName}（${report.unitCode}）· 状态：${report.statusText} · 总分 ${report.score.total.toFixed(2)} · 等级 ${grade}`;
}

/** The form as one grid (Word, Excel and PDF draw the same rows). */
export function departmentEvaluationGrid(report: DepartmentEvaluationReport): ReportTable {
  const rows: ReportCell[][] = [
    [
      cell(`主管部门：${report.department ?? '—'}`, 0, 4, { caption: true, align: 'left' }),
      cell('金额单位：元', 5, LAST, { caption: true, align: 'right' }),
    ],
    [label('部门（单位）名称', 0, 1), cell(report.unitName, 2, LAST, { align: 'left' })],
    ...budgetRows(report),
    [label('年度总体目标完成情况', 0, 1), cell(report.form.summary || '—', 2, LAST, { align: 'left' })],
    ...indicatorRows(report),
    ...managementRows(report),
    ...totalRows(report),
  ];
  return {
    title: departmentEvaluationTitle(report),
    subtitle: `${report.unitName}（${report.unitCode}）`,
    sheet: '部门整体自评表',
    landscape: false,
    columnWidths: widths(PORTRAIT_WIDTH, COLUMN_WEIGHTS),
    rows,
    headerRow: 2,
  };
}

function budgetRows(report: DepartmentEvaluationReport): ReportCell[][] {
  const execution = report.score.weighted.execution;
  const heads = ['年初预算数', '全年预算数', '全年执行数', '结转结余', '分值', '执行率', '得分'];
  const header = [label('年度预算执行情况', 0), ...heads.map((h, i) => label(h, i + 1))];
  const lines = report.score.budget.map((line) => [
    label(SOURCES[line.source], 0),
    amountCell(line.initial, 1),
    amountCell(line.adjusted, 2),
    amountCell(line.spent, 3),
    amountCell(line.carryOver, 4),
    line.source === 'total' ? numberCell(execution.weight, 5) : cell('—', 5),
    numberCell(line.rate, 6, 6, '%'),
    line.source === 'total' ? numberCell(execution.points, 7) : cell('—', 7),
  ]);
  const reason = report.form.executionReason.trim();
  return [header, ...lines, ...(reason ? [[label('执行偏差原因', 0), cell(reason, 1, LAST, { align: 'left' })]] : [])];
}

function indicatorRows(report: DepartmentEvaluationReport): ReportCell[][] {
  const heads = [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ];
  const scored = report.score.performance.indicators;
  const rows = report.indicators.map((indicator, k) => {
    const entry = report.form.indicators.find((i) => i.name === indicator.name);
    const weighted = report.score.weighted.indicators[k];
    const notApplicable = scored[k]?.notApplicable === true;
    return [
      cell(indicator.level1, 0),
      cell(indicator.level2, 1),
      cell(indicator.name, 2, 2, { align: 'left' }),
      cell(indicator.target.raw, 3),
      cell(notApplicable ? '不适用' : (entry?.actual ?? ''), 4),
      numberCell(weighted?.weight ?? null, 5),
      numberCell(weighted?.points ?? null, 6),
      cell(entry?.deviationReason ?? '', 7, 7, { align: 'left' }),
    ];
  });
  mergeLevels(rows, report.indicators, 0);
  const none = [[cell('部门整体目标未设绩效指标', 0, LAST)]];
  return [[label('绩效指标', 0, LAST)], heads.map((h, i) => label(h, i)), ...(rows.length ? rows : none)];
}

function managementRows(report: DepartmentEvaluationReport): ReportCell[][] {
  const header = [
    label('管理指标', 0, 1),
    label('评分标准', 2, 4),
    label('分值', 5),
    label('得分', 6),
    label('扣分理由', 7),
  ];
  return [
    header,
    ...report.score.management.map((m) => [
      cell(m.name, 0, 1),
      cell(m.guidance, 2, 4, { align: 'left' }),
      numberCell(m.points, 5),
      numberCell(m.score, 6),
      cell(m.reason, 7, 7, { align: 'left' }),
    ]),
  ];
}

function totalRows(report: DepartmentEvaluationReport): ReportCell[][] {
  const { score, recheck } = report;
  const grade = score.grade ?? (score.incomplete ? '待评（尚有未填项）' : '—');
  return [
    ...(recheck
      ? [
          [label('单位自评总分（复核前）', 0, 4), numberCell(recheck.unitTotal, 5, 6), cell('', 7)],
          [label('财政复核', 0, 1), cell(`${recheck.reason}（${recheck.by}）`, 2, LAST, { align: 'left' })],
        ]
      : []),
    [label(recheck ? '总分（复核后）' : '总分', 0, 4), numberCell(score.total, 5, 6), cell(`等级：${grade}`, 7)],
  ];
}
