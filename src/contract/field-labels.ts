/**
 * Field paths of the request bodies (targets, evaluation, monitoring, review opinions) in words a
 * user reads: ['indicators', 1, 'target', 'raw'] → 第 2 个指标的“指标值”. A message never shows an
 * internal key; the path itself stays in the error's `location`/`issues` for the UI to place it.
 */

/** What one element of a list is called: indicators.1 → 第 2 个指标. */
const ELEMENTS: Record<string, string> = {
  projects: '项目',
  indicators: '指标',
  goals: '目标',
  longTermGoals: '长期目标',
  measures: '保障措施',
  items: '条目',
  spendingPlan: '用款计划',
  entries: '支出记录',
  deviationCategories: '偏差原因类别',
  absentFields: '缺少的栏目',
};

/** Objects a path passes through that are worth naming: overall.goals.0 → 部门整体目标的第 1 个目标. */
const SECTIONS: Record<string, string> = {
  overall: '部门整体目标',
  details: '项目详情',
  categoryPoints: '分类得分',
};

/**
 * The field's name. Looked up as "<list>.<rest>" (the nearest list the path is in, or the body's
 * own kind) first, then as "<rest>", then by dropping the last key: target.raw → target → 指标值.
 */
const LABELS: Record<string, string> = {
  'projects.name': '项目名称',
  'projects.code': '项目编码',
  'indicators.name': '三级指标',
  'indicators.description': '指标说明',
  'goals.title': '目标',
  'goals.detail': '目标说明',
  'goals.seq': '目标序号',
  'items.label': '条目标题',
  'items.text': '条目内容',
  'measures.heading': '保障措施标题',
  'entries.amount': '支出金额',
  'spendingPlan.month': '月份',
  'spendingPlan.cumulativePercent': '累计支出进度',
  'indicators.project': '项目编码',
  'indicators.reason': '调整原因',
  name: '名称',
  code: '编码',
  derivedCode: '编码来源',
  level1: '一级指标',
  level2: '二级指标',
  target: '指标值',
  basis: '指标值确定依据',
  category: '指标类别',
  nature: '指标性质',
  weight: '权重',
  direction: '指标方向',
  extras: '附加栏目',
  budget: '预算数',
  'budget.total': '预算数',
  'budget.fiscal': '财政资金',
  'budget.other': '其他资金',
  purpose: '资金用途',
  spendingPlan: '用款计划',
  goals: '目标',
  indicators: '指标',
  projects: '项目',
  department: '主管部门',
  implementer: '实施单位',
  period: '项目实施期限',
  longTermGoals: '长期目标',
  absentFields: '缺少的栏目',
  'unit.code': '单位编码',
  'unit.name': '单位名称',
  unit: '单位',
  fiscalYear: '预算年度',
  format: '文件格式',
  actual: '实际完成值',
  notApplicable: '不适用',
  deviationReason: '偏差原因',
  improvementMeasures: '改进措施',
  band: '评价档次',
  bandPercent: '档内得分比例',
  scoreReason: '评分理由',
  percentConfirmed: '百分数确认',
  executionReason: '执行偏差原因',
  spentFiscal: '财政拨款执行数',
  spentOther: '其他资金执行数',
  'categoryPoints.output': '产出指标得分',
  'categoryPoints.benefit': '效益指标得分',
  'categoryPoints.satisfaction': '满意度指标得分',
  'categoryPoints.cost': '成本指标得分',
  submit: '提交',
  decision: '审核结果',
  comment: '意见',
  reason: '原因',
  month: '月份',
  source: '资金来源',
  amount: '金额',
  entries: '支出记录',
  adjustedBudget: '调整后预算数',
  effectiveDate: '生效日期',
  indicatorName: '指标名称',
  valueToDate: '累计完成值',
  forecast: '全年预计完成值',
  likelihood: '完成可能性',
  deviationCategory: '偏差原因类别',
  deviationCategories: '偏差原因类别',
  measures: '改进措施',
  forecastFullYear: '全年预计支出数',
  releasedToDate: '已下达资金',
  carryOver: '结转资金',
  projectCode: '项目编码',
  warningId: '预警',
  kind: '类型',
  body: '内容',
  deadline: '整改期限',
  asOfMonth: '截至月份',
  state: '状态',
  reply: '回复',
  completeness: '完整性',
  relevance: '相关性',
  appropriateness: '适当性',
  feasibility: '可行性',
  overall: '审核结果',
  opinion: '审核意见',
  consultationNote: '与单位协商调整情况',
};

/** Said of a field this table does not know: still no internal key in the sentence. */
const UNKNOWN_FIELD = '某项内容';

/**
 * The field at `path` in words. `root` names the kind of body when the path starts inside one
 * element (a project body: root 'projects', so name → 项目名称).
 */
export function fieldLabel(path: readonly PropertyKey[], root?: string): string {
  const prefix: string[] = [];
  let list = root;
  let rest: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof key !== 'string') continue;
    if (typeof next === 'number' && ELEMENTS[key] !== undefined) {
      prefix.push(...named(rest), `第 ${next + 1} 个${ELEMENTS[key]}`);
      list = key;
      rest = [];
      i++;
    } else {
      rest.push(key);
    }
  }
  if (rest.length === 0) return prefix.length > 0 ? prefix.join('的') : '提交的内容';
  const leaf = leafLabel(rest, list);
  if (leaf === null) return [...prefix, ...named(rest), UNKNOWN_FIELD].join('的');
  return [...prefix, ...named(rest.slice(0, leaf.start)), `“${leaf.label}”`].join('的');
}

/** Sections a path passed through before reaching a list: overall → 部门整体目标. */
function named(keys: string[]): string[] {
  return keys.flatMap((key) => (SECTIONS[key] !== undefined ? [SECTIONS[key]] : []));
}

function leafLabel(keys: string[], list: string | undefined): { label: string; start: number } | null {
  for (let end = keys.length; end > 0; end--) {
    for (let start = 0; start < end; start++) {
      const dotted = keys.slice(start, end).join('.');
      const label = (list !== undefined ? LABELS[`${list}.${dotted}`] : undefined) ?? LABELS[dotted];
      if (label !== undefined) return { label, start };
    }
  }
  return null;
}
