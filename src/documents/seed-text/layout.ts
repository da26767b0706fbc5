/**
 * The seed's layout, named once: the reader recognises these texts and the writer writes them, so the two
 * cannot drift apart.
 */
export const PART1 = '第一部分';
export const PART1_TITLE = '部门整体绩效目标';
export const PART2 = '第二部分';
export const PART2_TITLE = '预算项目绩效目标';

export type OverallSection = 'goals' | 'details' | 'measures';

/** Section names of 第一部分, in order; the heading is "一、总体绩效目标" and so on. */
export const SECTION_NAMES: Readonly<Record<OverallSection, string>> = {
  goals: '总体绩效目标',
  details: '分项绩效目标',
  measures: '工作保障措施',
};
export const SECTION_ORDER: readonly OverallSection[] = ['goals', 'details', 'measures'];
export const SECTION_NUMERALS = ['一', '二', '三'] as const;

export const TABLE_TITLE_SUFFIX = '绩效目标表';
export const AMOUNT_UNIT_LABEL = '单位：元';

/** Label cells of a project table: the first spelling is the seed's (and what the writer writes). */
export const LABELS = {
  code: ['项目编码', '项目代码'],
  name: ['项目名称'],
  budget: ['预算规模及资金用途', '预算规模及用途', '预算规模'],
  total: ['预算数', '年度预算数'],
  fiscal: ['其中：财政资金', '财政资金', '其中：财政拨款', '财政拨款'],
  other: ['其他资金'],
  purpose: ['资金用途'],
  spending: ['资金支出计划（%）', '资金支出计划'],
  goals: ['绩效目标', '年度绩效目标'],
} as const;

export const INDICATOR_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '绩效指标描述',
  '指标值',
  '指标值确定依据',
] as const;

/** "1.打造…" (总体/分项), "1、有效解决…" (project goals); also "1．" and "（1）". */
export const ARABIC_NUMBERING = /^(?:(\d+)\s*[.．、]|[（(]\s*(\d+)\s*[）)])\s*/;
/** "一、团结动员…": a 保障措施 heading. */
export const HEADING_NUMBERING = /^[一二三四五六七八九十百零〇]+\s*[、.．]/;
/** "（一）深入开展…": a 保障措施 item; "(1)" and "1." are accepted too, and kept as written. */
export const ITEM_LABEL = /^(?:[（(]\s*(?:[一二三四五六七八九十百零〇]+|\d+)\s*[）)]|\d+\s*[.．、](?!\d))/;

/** The year a cover line states ("…2021年绩效目标"); the seed has none. */
export const COVER_YEAR = /(199\d|20\d{2})\s*年度?/;
