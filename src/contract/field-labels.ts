/**
 * Field paths of the request bodies (targets, evaluation, monitoring, review opinions) in words a
 * user reads: ['indicators', 1, 'target', 'raw'] → 第 2 个指标的“指标值” (Indicator 2 — Target value). A
 * message never shows an internal key; the path itself stays in the error's `location`/`issues` for
 * the UI to place it. One table, both languages (decision 043): the server words issues in Chinese,
 * the web in the UI's language from the same path.
 */

/** A name in Chinese and in English. */
type Words = readonly [zh: string, en: string];

export type LabelLanguage = 'zh' | 'en';

/** What one element of a list is called: indicators.1 → 第 2 个指标. */
const ELEMENTS: Record<string, Words> = {
  projects: ['项目', 'Project'],
  indicators: ['指标', 'Indicator'],
  goals: ['目标', 'Goal'],
  longTermGoals: ['长期目标', 'Long-term goal'],
  measures: ['保障措施', 'Measure'],
  items: ['条目', 'Item'],
  spendingPlan: ['用款计划', 'Spending plan checkpoint'],
  entries: ['支出记录', 'Spending record'],
  deviationCategories: ['偏差原因类别', 'Deviation category'],
  absentFields: ['缺少的栏目', 'Missing field'],
};

/** Objects a path passes through that are worth naming: overall.goals.0 → 部门整体目标的第 1 个目标. */
const SECTIONS: Record<string, Words> = {
  overall: ['部门整体目标', 'Overall department targets'],
  details: ['项目详情', 'Project details'],
  categoryPoints: ['分类得分', 'Category points'],
};

/**
 * The field's name. Looked up as "<list>.<rest>" (the nearest list the path is in, or the body's
 * own kind) first, then as "<rest>", then by dropping the last key: target.raw → target → 指标值.
 */
const LABELS: Record<string, Words> = {
  'projects.name': ['项目名称', 'Project name'],
  'projects.code': ['项目编码', 'Project code'],
  'indicators.name': ['三级指标', 'Level-3 indicator'],
  'indicators.description': ['指标说明', 'Indicator description'],
  'goals.title': ['目标', 'Goal'],
  'goals.detail': ['目标说明', 'Goal detail'],
  'goals.seq': ['目标序号', 'Goal number'],
  'items.label': ['条目标题', 'Item heading'],
  'items.text': ['条目内容', 'Item text'],
  'measures.heading': ['保障措施标题', 'Measure heading'],
  'entries.amount': ['支出金额', 'Amount spent'],
  'spendingPlan.month': ['月份', 'Month'],
  'spendingPlan.cumulativePercent': ['累计支出进度', 'Cumulative spending'],
  'indicators.project': ['项目编码', 'Project code'],
  'indicators.reason': ['调整原因', 'Reason for the adjustment'],
  name: ['名称', 'Name'],
  code: ['编码', 'Code'],
  derivedCode: ['编码来源', 'Code source'],
  level1: ['一级指标', 'Level-1 indicator'],
  level2: ['二级指标', 'Level-2 indicator'],
  target: ['指标值', 'Target value'],
  basis: ['指标值确定依据', 'Basis of the target value'],
  category: ['指标类别', 'Indicator category'],
  nature: ['指标性质', 'Indicator nature'],
  weight: ['权重', 'Weight'],
  direction: ['指标方向', 'Indicator direction'],
  extras: ['附加栏目', 'Extra columns'],
  budget: ['预算数', 'Budget'],
  'budget.total': ['预算数', 'Budget'],
  'budget.fiscal': ['财政资金', 'Fiscal funds'],
  'budget.other': ['其他资金', 'Other funds'],
  purpose: ['资金用途', 'Use of funds'],
  spendingPlan: ['用款计划', 'Spending plan'],
  goals: ['目标', 'Goals'],
  indicators: ['指标', 'Indicators'],
  projects: ['项目', 'Projects'],
  department: ['主管部门', 'Supervising department'],
  implementer: ['实施单位', 'Implementing unit'],
  period: ['项目实施期限', 'Implementation period'],
  longTermGoals: ['长期目标', 'Long-term goals'],
  absentFields: ['缺少的栏目', 'Missing fields'],
  'unit.code': ['单位编码', 'Unit code'],
  'unit.name': ['单位名称', 'Unit name'],
  unit: ['单位', 'Unit'],
  fiscalYear: ['预算年度', 'Fiscal year'],
  format: ['文件格式', 'File format'],
  actual: ['实际完成值', 'Actual value'],
  notApplicable: ['不适用', 'Not applicable'],
  deviationReason: ['偏差原因', 'Reason for the deviation'],
  improvementMeasures: ['改进措施', 'Improvement measures'],
  band: ['评价档次', 'Rating band'],
  bandPercent: ['档内得分比例', 'Share within the band'],
  scoreReason: ['评分理由', 'Reason for the score'],
  percentConfirmed: ['百分数确认', 'Percentage confirmed'],
  executionReason: ['执行偏差原因', 'Reason for the execution gap'],
  spentFiscal: ['财政拨款执行数', 'Fiscal funds spent'],
  spentOther: ['其他资金执行数', 'Other funds spent'],
  'categoryPoints.output': ['产出指标得分', 'Output indicator points'],
  'categoryPoints.benefit': ['效益指标得分', 'Benefit indicator points'],
  'categoryPoints.satisfaction': ['满意度指标得分', 'Satisfaction indicator points'],
  'categoryPoints.cost': ['成本指标得分', 'Cost indicator points'],
  submit: ['提交', 'Submit'],
  decision: ['审核结果', 'Review result'],
  comment: ['意见', 'Comment'],
  reason: ['原因', 'Reason'],
  month: ['月份', 'Month'],
  source: ['资金来源', 'Source of funds'],
  amount: ['金额', 'Amount'],
  entries: ['支出记录', 'Spending records'],
  adjustedBudget: ['调整后预算数', 'Adjusted budget'],
  effectiveDate: ['生效日期', 'Effective date'],
  indicatorName: ['指标名称', 'Indicator name'],
  valueToDate: ['累计完成值', 'Value to date'],
  forecast: ['全年预计完成值', 'Forecast for the year'],
  likelihood: ['完成可能性', 'Likelihood of completion'],
  deviationCategory: ['偏差原因类别', 'Deviation category'],
  deviationCategories: ['偏差原因类别', 'Deviation categories'],
  measures: ['改进措施', 'Improvement measures'],
  forecastFullYear: ['全年预计支出数', 'Forecast spending for the year'],
  releasedToDate: ['已下达资金', 'Funds released'],
  carryOver: ['结转资金', 'Carried-over funds'],
  projectCode: ['项目编码', 'Project code'],
  warningId: ['预警', 'Warning'],
  kind: ['类型', 'Kind'],
  body: ['内容', 'Text'],
  deadline: ['整改期限', 'Rectification deadline'],
  asOfMonth: ['截至月份', 'As of month'],
  state: ['状态', 'State'],
  reply: ['回复', 'Reply'],
  completeness: ['完整性', 'Completeness'],
  relevance: ['相关性', 'Relevance'],
  appropriateness: ['适当性', 'Appropriateness'],
  feasibility: ['可行性', 'Feasibility'],
  overall: ['审核结果', 'Review result'],
  opinion: ['审核意见', 'Review opinion'],
  consultationNote: ['与单位协商调整情况', 'Adjustments agreed with the unit'],
};

/** Said of a field this table does not know (still no internal key), and of the body as a whole. */
const UNKNOWN_FIELD: Words = ['某项内容', 'a field'];
const WHOLE_BODY: Words = ['提交的内容', 'The submitted content'];

/**
 * The field at `path` in words. `root` names the kind of body when the path starts inside one
 * element (a project body: root 'projects', so name → 项目名称).
 */
export function fieldLabel(path: readonly PropertyKey[], root?: string, language: LabelLanguage = 'zh'): string {
  const at = language === 'zh' ? 0 : 1;
  const prefix: string[] = [];
  let list = root;
  let rest: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof key !== 'string') continue;
    const element = ELEMENTS[key];
    if (typeof next === 'number' && element !== undefined) {
      prefix.push(...named(rest, at), at === 0 ? `第 ${next + 1} 个${element[0]}` : `${element[1]} ${next + 1}`);
      list = key;
      rest = [];
      i++;
    } else {
      rest.push(key);
    }
  }
  const leaf = rest.length === 0 ? null : leafLabel(rest, list);
  const context = [...prefix, ...named(leaf === null ? rest : rest.slice(0, leaf.start), at)];
  if (rest.length === 0 && context.length === 0) return WHOLE_BODY[at];
  if (rest.length === 0) return joined(context, null, at);
  return joined(context, leaf === null ? UNKNOWN_FIELD[at] : leaf.label[at], at, leaf !== null);
}

/** 第 2 个指标的“指标值” / Indicator 2 — Target value. */
function joined(context: string[], leaf: string | null, at: 0 | 1, quoted = false): string {
  if (at === 0) return [...context, ...(leaf === null ? [] : [quoted ? `“${leaf}”` : leaf])].join('的');
  const where = context.join(' › ');
  if (leaf === null) return where;
  return where === '' ? capitalised(leaf) : `${where} — ${leaf}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Sections a path passed through before reaching a list: overall → 部门整体目标. */
function named(keys: string[], at: 0 | 1): string[] {
  return keys.flatMap((key) => (SECTIONS[key] !== undefined ? [SECTIONS[key][at]] : []));
}

function leafLabel(keys: string[], list: string | undefined): { label: Words; start: number } | null {
  for (let end = keys.length; end > 0; end--) {
    for (let start = 0; start < end; start++) {
      const dotted = keys.slice(start, end).join('.');
      const label = (list !== undefined ? LABELS[`${list}.${dotted}`] : undefined) ?? LABELS[dotted];
      if (label !== undefined) return { label, start };
    }
  }
  return null;
}

/** Every name the tables hold, both languages: a test checks that none lacks its English form. */
export function allFieldNames(): readonly Words[] {
  return [...Object.values(ELEMENTS), ...Object.values(SECTIONS), ...Object.values(LABELS), UNKNOWN_FIELD, WHOLE_BODY];
}
