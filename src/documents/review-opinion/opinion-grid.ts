import {
  CRITERION_LABELS,
  LEVEL_LABELS,
  OPINION_CRITERIA,
  type OpinionCriterion,
  consequenceOf,
} from '../../domain/review/opinion.ts';
import { PORTRAIT_WIDTH, type ReportCell, type ReportTable, amountCell, cell, label, widths } from '../reports/grid.ts';
import type { OpinionReport, OpinionReportForm } from './types.ts';

/*
 * 绩效目标审核意见表 (财预〔2015〕88号 附件): one table per item and level, four grid columns
 * 审核内容 | 审核要点 (two) | 审核等级, with the item above and the result, opinion and reviewer below.
 * Built once as a grid and drawn by the Word and PDF writers alike.
 */
const COLUMN_WEIGHTS = [16, 30, 30, 14];
const LAST = COLUMN_WEIGHTS.length - 1;
const HEADER_ROW = 4;

/** The key points of each criterion, as 88号 words them (guide §4). */
const KEY_POINTS: Record<OpinionCriterion, string> = {
  completeness: '绩效目标填报是否完整，是否按规定的格式和要求填列',
  relevance: '绩效目标、指标是否与部门职能、项目内容和用途相关联',
  appropriateness: '预算资金规模与绩效目标是否匹配，产出和效果与资金量是否相当',
  feasibility: '绩效目标是否经过论证和测算，措施能否按期实现目标，效益是否与公共资金相称',
};

const CONSEQUENCE_WORDS = {
  proceed: '可进入预算编制',
  'proceed-after-consultation': '与单位协商调整后进入预算编制',
  return: '退回单位修改后重新报送',
  refuse: '不得进入预算编制',
} as const;

export function opinionTitle(report: OpinionReport): string {
  return `${report.unitName}${report.fiscalYear}年度绩效目标审核意见表`;
}

export function opinionSummary(report: OpinionReport): string {
  const levels = [...new Set(report.forms.map((f) => LEVEL_LABELS[f.level]))].join('、') || '无';
  return `预算单位：${report.unitName}（${report.unitCode}）；主管部门：${report.departmentName ?? '无'}；第 ${report.round} 次报送；审核层级：${levels}；共 ${report.forms.length} 张审核意见表。`;
}

export function opinionGrids(report: OpinionReport): ReportTable[] {
  return report.forms.map((form) => opinionGrid(report, form));
}

function opinionGrid(report: OpinionReport, form: OpinionReportForm): ReportTable {
  const rows: ReportCell[][] = [
    [label('项目名称', 0), cell(form.itemName, 1, LAST, { align: 'left' })],
    [label('项目编码', 0), cell(form.projectCode ?? '—', 1), label('预算数（元）', 2), amountCell(form.budget, 3)],
    [label('预算单位', 0), cell(report.unitName, 1), label('主管部门', 2), cell(report.departmentName ?? '—', 3)],
    [label('审核单位', 0), cell(LEVEL_LABELS[form.level], 1), label('报送轮次', 2), cell(`第 ${report.round} 次`, 3)],
    [label('审核内容', 0), label('审核要点', 1, 2), label('审核等级', 3)],
    ...OPINION_CRITERIA.map((criterion) => [
      label(CRITERION_LABELS[criterion], 0),
      cell(KEY_POINTS[criterion], 1, 2, { align: 'left' }),
      cell(form.grades[criterion], 3),
    ]),
    [
      label('审核结果', 0),
      cell(`${form.overall}（${CONSEQUENCE_WORDS[consequenceOf(form.overall)]}）`, 1, LAST, { align: 'left' }),
    ],
    [label('审核意见', 0), cell(form.opinion, 1, LAST, { align: 'left' })],
    [label('与单位协商调整情况', 0), cell(form.consultationNote ?? '', 1, LAST, { align: 'left' })],
    [label('审核人', 0), cell(form.reviewerName, 1), label('审核日期', 2), cell(form.at.slice(0, 10), 3)],
  ];
  return {
    rows,
    columnWidths: widths(PORTRAIT_WIDTH, COLUMN_WEIGHTS),
    headerRow: HEADER_ROW,
    title: '绩效目标审核意见表',
    subtitle: `${LEVEL_LABELS[form.level]}审核 · ${form.itemName}`,
    sheet: `${form.level}-${form.projectCode ?? 'overall'}`.slice(0, 31),
    landscape: false,
  };
}
