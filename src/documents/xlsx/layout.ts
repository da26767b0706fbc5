/**
 * The workbook layout Jixiao writes and reads (docs/exchange-format.md, "Excel"). The reader finds
 * the data sheets by these names and the columns by these header texts; every other sheet (the
 * per-project sheets in the official layout, 说明) is for people and is not read back.
 */
export const SHEETS = {
  instructions: '说明',
  overall: '总体目标',
  projects: '项目',
  indicators: '指标明细',
} as const;

/** 总体目标: the unit block at the top (label in A, value in B). */
export const UNIT_LABELS = { code: '单位编码', name: '单位名称', year: '年度' } as const;

/** 总体目标: the goals table starts at the row whose column A reads GOALS_HEADER[0]. */
export const GOALS_TITLE = '一、总体绩效目标 / 二、分项绩效目标';
export const GOALS_HEADER = ['序号', '总体绩效目标', '分项绩效目标'] as const;

/** 总体目标: the measures table starts at the row whose column A reads MEASURES_HEADER[0]. */
export const MEASURES_TITLE = '三、工作保障措施';
export const MEASURES_HEADER = ['保障措施', '编号', '内容'] as const;

/** 项目: one row per project; then one column per spending checkpoint, headed "N月底（%）". */
export const PROJECT_HEADER = [
  '项目编码',
  '项目名称',
  '预算数',
  '财政资金',
  '其他资金',
  '资金用途',
  '绩效目标',
] as const;
export const PROJECT_COLUMN_COUNT = PROJECT_HEADER.length;
/** Months the blank template offers; the export writes the months the document uses. */
export const TEMPLATE_MONTHS = [3, 6, 9, 12] as const;
export const CHECKPOINT_HEADER = /^(\d{1,2})\s*月底?\s*[（(]?\s*%?\s*[）)]?$/;
export function checkpointHeader(month: number): string {
  return `${month}月底（%）`;
}
/** A checkpoint the plan lists without a percent (the seed's 3月底 cell is empty): written as this dash. */
export const NO_PERCENT = '—';

/** 指标明细: one row per indicator, all projects in one sheet. */
export const INDICATOR_HEADER = [
  '项目编码',
  '项目名称',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标描述',
  '指标值',
  '指标值确定依据',
] as const;

export const BASIS_CHOICES = ['计划标准', '行业标准', '历史标准', '其他'] as const;

/** The header row is row 1 in the 项目 and 指标明细 sheets; data starts at row 2. */
export const HEADER_ROW = 1;

export const AMOUNT_FORMAT = '#,##0.00';
