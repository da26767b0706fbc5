/**
 * The vocabulary every layout shares (guide §8): which label, under any of its spellings, fills which model field.
 * Layout descriptions (defs/) add their own spellings; recognition compares normalised labels, never positions.
 */

/** Fields read from label–value cells above the indicators (or from columns, in one-row-per-indicator tables). */
export type HeaderField =
  | 'projectName'
  | 'projectCode'
  | 'unitName'
  | 'unitCode'
  | 'department'
  | 'implementer'
  | 'period'
  | 'goals'
  | 'longTermGoals'
  | 'goalResults'
  | 'budgetTotal'
  | 'budgetFiscal'
  | 'budgetOther'
  | 'budgetCarryOver'
  | 'purpose'
  | 'totalScore'
  | 'grade';

/** Columns of the indicator block. */
export type IndicatorField =
  | 'level1'
  | 'level2'
  | 'name'
  | 'description'
  | 'operator'
  | 'target'
  | 'measureUnit'
  | 'basis'
  | 'nature'
  | 'weight'
  | 'direction'
  | 'actual'
  | 'score'
  | 'deviationReason'
  | 'progress'
  | 'expected'
  | 'likelihood'
  | 'correction';

/** Columns of the budget-execution block (自评表, 监控表); its rows are 年度资金总额 / 财政拨款 / 上年结转 / 其他资金. */
export type ExecutionField = 'planned' | 'adjusted' | 'executed' | 'rate' | 'weight' | 'score' | 'expectedExecuted';

export type ExecutionRow = 'total' | 'fiscal' | 'carryOver' | 'other';

export type Synonyms<F extends string> = Readonly<Partial<Record<F, readonly string[]>>>;

export const HEADER_LABELS: Synonyms<HeaderField> = {
  projectName: ['项目名称', '项目名', '专项名称', '资金名称'],
  projectCode: ['项目编码', '项目代码', '项目编号'],
  unitName: [
    '单位名称',
    '预算单位',
    '部门单位名称',
    '部门名称',
    '填报单位',
    '申报单位',
    '编制单位',
    '预算单位名称',
    '项目单位',
  ],
  unitCode: ['单位编码', '单位代码', '预算单位编码', '部门编码'],
  department: ['主管部门', '主管部门及代码', '主管单位', '主管部门名称'],
  implementer: ['实施单位', '项目实施单位', '项目执行单位', '执行单位'],
  period: ['项目实施期限', '实施期限', '实施周期', '项目期', '项目周期', '项目起止时间', '实施年限'],
  goals: [
    '年度目标',
    '年度绩效目标',
    '年度总体目标',
    '预期目标',
    '绩效目标',
    '总体目标',
    '项目绩效目标',
    '整体绩效目标',
    '年度总体绩效目标',
    '年初设定目标',
  ],
  longTermGoals: ['长期目标', '中期目标', '中长期目标', '长期绩效目标'],
  goalResults: ['实际完成情况', '目标实际完成情况', '总体目标完成情况'],
  budgetTotal: [
    '年度资金总额',
    '资金总额',
    '金额合计',
    '预算数',
    '年度预算数',
    '项目资金总额',
    '年初预算数',
    '全年预算数',
    '项目总额',
    '预算金额',
    '年度预算',
    '项目资金',
  ],
  budgetFiscal: [
    '其中财政拨款',
    '财政拨款',
    '财政资金',
    '其中财政资金',
    '当年财政拨款',
    '其中当年财政拨款',
    '一般公共预算拨款',
    '其中一般公共预算拨款',
    '其中当年一般公共预算拨款',
    '财政拨款收入',
  ],
  budgetOther: ['其他资金', '其中其他资金', '其他来源资金', '自筹资金'],
  budgetCarryOver: ['上年结转', '上年结转资金', '其中上年结转资金'],
  purpose: ['资金用途', '主要内容', '项目主要内容', '项目概况'],
  totalScore: ['总分', '合计得分', '总得分', '自评得分'],
  grade: ['自评等级', '评价等级', '绩效等级', '等级'],
};

export const INDICATOR_LABELS: Synonyms<IndicatorField> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '具体指标', '三级指标名称'],
  description: ['绩效指标描述', '指标解释', '指标内容', '指标说明', '评分标准', '评价标准', '指标描述'],
  operator: ['运算符', '符号', '比较符', '指标值符号', '计算符号'],
  target: ['指标值', '目标值', '年度指标值', '绩效标准', '年度目标值', '预期指标值', '指标目标值', '绩效指标值'],
  measureUnit: ['度量单位', '计量单位', '单位'],
  basis: ['指标值确定依据', '指标值设定依据', '确定依据'],
  nature: ['指标性质'],
  weight: ['分值', '权重', '指标权重', '权重分值'],
  direction: ['指标方向性', '指标方向'],
  actual: ['实际完成值', '完成值', '全年实际值', '实际值', '全年实际完成值', '实际完成情况'],
  score: ['得分', '自评得分', '评价得分'],
  deviationReason: [
    '偏差原因分析及改进措施',
    '偏差原因分析',
    '偏差原因',
    '偏差原因及改进措施',
    '偏差或不能完成目标原因分析',
    '未完成原因分析',
  ],
  progress: ['执行情况', '指标执行情况', '半年度指标执行情况', '截至目前完成情况', '当前完成值'],
  expected: ['全年预计完成情况', '全年预计完成值', '预计完成值', '年底预计完成情况'],
  likelihood: ['完成目标可能性', '完成可能性'],
  correction: ['纠偏措施', '改进措施', '相关建议或举措', '原因说明及纠偏措施'],
};

export const EXECUTION_LABELS: Synonyms<ExecutionField> = {
  planned: ['年初预算数', '年初预算', '预算数'],
  adjusted: ['全年预算数', '调整后预算数', '全年预算', '调整预算数'],
  executed: ['全年执行数', '执行数', '实际执行数', '累计执行数'],
  rate: ['执行率', '预算执行率', '执行进度'],
  weight: ['分值'],
  score: ['得分'],
  expectedExecuted: ['全年预计执行数', '预计执行数'],
};

export const EXECUTION_ROW_LABELS: Synonyms<ExecutionRow> = {
  total: ['年度资金总额', '资金总额', '合计', '预算资金总额'],
  fiscal: HEADER_LABELS.budgetFiscal!,
  carryOver: HEADER_LABELS.budgetCarryOver!,
  other: HEADER_LABELS.budgetOther!,
};

/** Labels that head a part of the table and fill no field themselves (a merged cell down the left side). */
export const SECTION_LABELS: readonly string[] = [
  '绩效指标',
  '年度绩效指标',
  '项目绩效指标',
  '资金情况',
  '年度预算安排情况',
  '预算执行情况',
  '年度主要任务',
  '任务名称',
  '项目基本情况',
  '项目属性',
  '项目类型',
  '序号',
  '备注',
  '绩效目标完成情况',
  '评价结论',
];

/** Titles of grids (or rows inside them) that start a performance table, and what they say about its kind. */
export const TITLE_PATTERN = /绩效目标(?:申报)?表|绩效自评表|评价指标表|监控表|绩效目标执行情况|绩效运行监控/;

/**
 * The key a label is compared by: full-width folded (NFKC), spaces and "*" marks removed, brackets and colons
 * dropped, a money unit in brackets removed ("项目资金（万元）" → "项目资金"), a leading "其中" kept as part of
 * the word ("其中：财政拨款" → "其中财政拨款").
 */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*＊※]+/g, '')
    .replace(/[([](?:千元|万元|元|%)[)\]]/g, '')
    .replace(/[()[\]【】:;、]/g, '')
    .replace(/^\d+[.．]/, '');
}

/** "1-7月执行数" / "1～6月执行情况" / "截至7月底执行数": the month the figures run to, and what the label is. */
export function monthLabel(key: string): { month: number; what: 'executed' | 'progress' | 'rate' } | null {
  const match =
    /^(?:1[-~～—至到]|截至|截止)(\d{1,2})月(?:底|末)?(?:累计)?(执行数|执行率|执行情况|完成情况|实际完成情况|完成值|实际完成值)$/.exec(
      key,
    );
  if (!match) return null;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return null;
  const what = match[2] === '执行数' ? 'executed' : match[2] === '执行率' ? 'rate' : 'progress';
  return { month, what };
}
