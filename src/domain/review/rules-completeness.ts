import { formatCents, parseAmountToCents } from '../money.ts';
import { describeTargetKind } from '../target-value.ts';
import type { Project } from '../targets.ts';
import { forEachIndicator, forEachProject, hit, indicatorLabel, NONE } from './project-walk.ts';
import type { Hit, ReviewRule } from './types.ts';

const REQUIRED: readonly { field: keyof Project; zh: string; en: string }[] = [
  { field: 'code', zh: '项目编码', en: 'project code' },
  { field: 'name', zh: '项目名称', en: 'project name' },
  { field: 'purpose', zh: '资金用途', en: 'purpose of the funds' },
];

const requiredFields: ReviewRule = {
  id: 'completeness.required-fields',
  criterion: '完整性',
  severity: 'error',
  title: '项目编码、名称、预算数、资金用途、绩效目标和至少一个指标都已填写',
  check: ({ document }) =>
    forEachProject(document, (project) => {
      // The usual complete project: answered without building lists.
      if (
        project.code.trim() !== '' &&
        project.name.trim() !== '' &&
        project.purpose.trim() !== '' &&
        project.budget.total !== null &&
        project.indicators.length > 0 &&
        project.goals.some((goal) => goal.trim() !== '')
      )
        return NONE;
      const hits = REQUIRED.filter(({ field }) => String(project[field]).trim() === '').map(({ field, zh, en }) =>
        hit([field], `未填写${zh}`, `The ${en} is missing`),
      );
      if (project.budget.total === null)
        hits.push(hit(['budget', 'total'], '未填写预算数', 'The budget total is missing'));
      if (!project.goals.some((goal) => goal.trim() !== ''))
        hits.push(hit(['goals'], '未填写绩效目标', 'No performance goal is stated'));
      if (project.indicators.length === 0)
        hits.push(hit(['indicators'], '没有任何绩效指标', 'The project has no indicator'));
      return hits;
    }),
};

const indicatorFields: ReviewRule = {
  id: 'completeness.indicator-fields',
  criterion: '完整性',
  severity: 'error',
  title: '每个指标都有一级、二级、三级指标名称',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      // Most indicators have all three names: answer without building the label and the list.
      if (indicator.level1.trim() !== '' && indicator.level2.trim() !== '' && indicator.name.trim() !== '') return NONE;
      const label = indicatorLabel(indicator, index);
      const levels = [
        ['level1', '一级指标', 'level-1 name'],
        ['level2', '二级指标', 'level-2 name'],
        ['name', '三级指标', 'level-3 name'],
      ] as const;
      return levels
        .filter(([field]) => indicator[field].trim() === '')
        .map(([field, zh, en]) =>
          hit(['indicators', index, field], `${label.zh}未填写${zh}`, `${label.en}: the ${en} is missing`),
        );
    }),
};

const targetValuePresent: ReviewRule = {
  id: 'completeness.target-value',
  criterion: '完整性',
  severity: 'error',
  title: '每个指标都有指标值（只有单位、没有数值的也算缺失）',
  check: ({ document }) =>
    forEachIndicator(document, (indicator, index) => {
      const kind = describeTargetKind(indicator.target);
      if (kind !== 'empty' && kind !== 'missing-number') return NONE;
      const label = indicatorLabel(indicator, index);
      if (kind === 'empty')
        return [hit(['indicators', index, 'target'], `${label.zh}未填写指标值`, `${label.en} has no target value`)];
      if (kind !== 'missing-number') return NONE;
      return [
        hit(
          ['indicators', index, 'target'],
          `${label.zh}的指标值只有单位“${indicator.target.raw}”，缺少数值`,
          `${label.en}: the target value “${indicator.target.raw}” has a unit but no number`,
        ),
      ];
    }),
};

const minIndicators: ReviewRule = {
  id: 'completeness.min-indicators',
  criterion: '完整性',
  severity: 'warning',
  title: '每个项目至少有 minIndicators 个指标（默认 3）',
  check: ({ document, policy }) =>
    forEachProject(document, (project) => {
      const count = project.indicators.length;
      if (count === 0 || count >= policy.minIndicators) return NONE;
      return [
        hit(
          ['indicators'],
          `只有 ${count} 个指标，至少应有 ${policy.minIndicators} 个`,
          `Only ${count} indicators; at least ${policy.minIndicators} are required`,
        ),
      ];
    }),
};

const indicatorCoverage: ReviewRule = {
  id: 'completeness.indicator-coverage',
  criterion: '完整性',
  severity: 'error',
  title: '至少有一个产出指标和一个效益指标',
  check: ({ document }) =>
    forEachProject(document, (project) => {
      if (project.indicators.length === 0) return NONE;
      let output = false;
      let benefit = false;
      for (const indicator of project.indicators) {
        if (indicator.category === 'output') output = true;
        else if (indicator.category === 'benefit') benefit = true;
      }
      if (output && benefit) return NONE;
      const hits: Omit<Hit, 'project'>[] = [];
      if (!output) hits.push(hit(['indicators'], '缺少产出指标', 'No output indicator (产出指标)'));
      if (!benefit) hits.push(hit(['indicators'], '缺少效益指标', 'No benefit indicator (效益指标)'));
      return hits;
    }),
};

const satisfactionIndicator: ReviewRule = {
  id: 'completeness.satisfaction-indicator',
  criterion: '完整性',
  severity: 'warning',
  title: '面向服务对象的项目（名称或用途含 servingPeopleWords）设有满意度指标',
  check: ({ document, policy }) =>
    forEachProject(document, (project) => {
      if (project.indicators.length === 0 || policy.requireSatisfaction === 'never') return NONE;
      if (project.indicators.some((indicator) => indicator.category === 'satisfaction')) return NONE;
      const text = `${project.name}${project.purpose}`;
      const word = policy.servingPeopleWords.find((w) => text.includes(w));
      if (policy.requireSatisfaction === 'when-serving-people' && word === undefined) return NONE;
      const why = word ? `（项目面向服务对象：“${word}”）` : '';
      return [
        hit(
          ['indicators'],
          `缺少满意度指标${why}`,
          `No satisfaction indicator${word ? ` (the project serves people: “${word}”)` : ''}`,
        ),
      ];
    }),
};

const spendingCheckpointEmpty: ReviewRule = {
  id: 'completeness.spending-plan-filled',
  criterion: '完整性',
  severity: 'warning',
  title: '资金支出计划的每个节点都已填写',
  check: ({ document }) =>
    forEachProject(document, (project) => {
      if (project.spendingPlan.length === 0) return [hit(['spendingPlan'], '未填写资金支出计划', 'No spending plan')];
      let hits: Omit<Hit, 'project'>[] | undefined;
      project.spendingPlan.forEach((checkpoint, index) => {
        if (checkpoint.cumulativePercent !== null) return;
        (hits ??= []).push(
          hit(
            ['spendingPlan', index, 'cumulativePercent'],
            `资金支出计划“${checkpoint.month}月底”为空（若计划为 0% 请填写 0）`,
            `Spending plan: end of month ${checkpoint.month} is empty (write 0 if nothing is planned)`,
          ),
        );
      });
      return hits ?? NONE;
    }),
};

/** 完整性 (88号 第三条（一）): the budget cells agree with each other (guide §4 rule 9); the id is historical (decision 032). */
const budgetIdentity: ReviewRule = {
  id: 'feasibility.budget-identity',
  criterion: '完整性',
  severity: 'error',
  title: '预算数 = 财政资金 + 其他资金（空格按 0 计）：金额栏按规定填写一致',
  check: ({ document }) =>
    forEachProject(document, (project) => {
      const { total, fiscal, other } = project.budget;
      if (total === null || (fiscal === null && other === null)) return NONE;
      const cents = [total, fiscal ?? '0', other ?? '0'].map(parseAmountToCents);
      if (cents.some((value) => value === null)) return NONE;
      const [t, f, o] = cents as bigint[];
      if (t === f! + o!) return NONE;
      const sum = formatCents(f! + o!);
      return [
        hit(
          ['budget', 'total'],
          `预算数 ${total} 元不等于财政资金与其他资金之和 ${sum} 元`,
          `Budget total ${total} differs from fiscal + other funds ${sum}`,
        ),
      ];
    }),
};

export const COMPLETENESS_RULES: readonly ReviewRule[] = [
  requiredFields,
  indicatorFields,
  targetValuePresent,
  minIndicators,
  indicatorCoverage,
  satisfactionIndicator,
  spendingCheckpointEmpty,
  budgetIdentity,
];
