/**
 * Every number of guide §6 as policy (kind 'scoring', stored per bureau or department). The
 * defaults are 财预〔2020〕10号's (decision 031); what a stored body may contain is the contract's
 * `ScoringPolicySchema`, typed against these types and checked by `scoringPolicyIssues`.
 */
export type ScoringBand = {
  /** The band's range as a share of the indicator's points, in percent (the evaluator scores inside it). */
  min: number;
  max: number;
  /** The share suggested when the evaluator has not chosen (the form pre-fills it): the band's top by default. */
  points: number;
};

export type ScoringCategory = 'output' | 'benefit' | 'satisfaction' | 'cost';
export type CategoryPoints = { output: number; benefit: number; satisfaction: number; cost: number };

export type ScoringPolicy = {
  /** 预算执行率 points; score = executionPoints × min(执行数 / 调整后预算数, 1). */
  executionPoints: number;
  /** Execution below this percentage needs a reason (偏差原因). */
  executionReasonBelowPercent: number;
  /**
   * Points per 一级 category, split evenly among its indicators unless an indicator carries a weight.
   * executionPoints + the categories in use add up to 100 (cost is in use only with costAsOwnCategory).
   */
  categoryPoints: CategoryPoints;
  /**
   * 财预〔2021〕101号 makes 成本指标 a 一级 of its own. Off by default: cost indicators count under 产出
   * (as in 财预〔2020〕10号's forms) and categoryPoints.cost is unused. Turned on without points for 产出,
   * 产出 defaults to 40 so that 10 + 40 + 10 + 30 + 10 = 100.
   */
  costAsOwnCategory: boolean;
  /** 优 ≥ excellent, 良 ≥ good, 中 ≥ fair, else 差. */
  grades: { excellent: number; good: number; fair: number };
  /** 10号's qualitative bands: 达成 100–80 %, 部分达成 80–50 %, 未达成 50–0 % of the points. */
  qualitative: { achieved: ScoringBand; partly: ScoringBand; notAchieved: ScoringBand };
  /** Beating the target by more than this (% of the target) needs a 偏差原因 like missing it; adds no points. */
  overAchievementReasonPercent: number;
  /** `=` targets: more than asked counts as met (full points); false scores it by closeness instead. */
  equalsExceedIsMet: boolean;
  /**
   * "Far over target because the target was set too low: reduce points by the deviation" (a local
   * rule): off by default. When on, a met indicator that beats its target by more than thresholdPercent
   * loses the excess deviation as a share of its points.
   */
  overAchievementPenalty: { enabled: boolean; thresholdPercent: number };
};

/** A partial policy: any top-level knob, and within a group any member (a band is given whole). */
export type ScoringPolicyInput = {
  [K in keyof ScoringPolicy]?: ScoringPolicy[K] extends boolean | number ? ScoringPolicy[K] : Partial<ScoringPolicy[K]>;
};

export const DEFAULT_SCORING_POLICY = Object.freeze<ScoringPolicy>({
  executionPoints: 10,
  executionReasonBelowPercent: 90,
  categoryPoints: { output: 50, benefit: 30, satisfaction: 10, cost: 10 },
  costAsOwnCategory: false,
  grades: { excellent: 90, good: 80, fair: 60 },
  qualitative: {
    achieved: { min: 80, max: 100, points: 100 },
    partly: { min: 50, max: 80, points: 80 },
    notAchieved: { min: 0, max: 50, points: 50 },
  },
  overAchievementReasonPercent: 20,
  equalsExceedIsMet: true,
  overAchievementPenalty: { enabled: false, thresholdPercent: 50 },
});

/** 产出's default when 成本 is its own 一级: the cost points come out of 产出's 50. */
const OUTPUT_WITH_OWN_COST = DEFAULT_SCORING_POLICY.categoryPoints.output - DEFAULT_SCORING_POLICY.categoryPoints.cost;

/** A partial body with the defaults that depend on another knob filled in (the contract parses it after this). */
export function withDependentDefaults(body: unknown): unknown {
  if (!isRecord(body) || body.costAsOwnCategory !== true) return body;
  const points = isRecord(body.categoryPoints) ? body.categoryPoints : {};
  if (points.output !== undefined) return body;
  return { ...body, categoryPoints: { ...points, output: OUTPUT_WITH_OWN_COST } };
}

/** A partial policy over the defaults, group by group. Validation is the contract's job (scoringPolicyIssues). */
export function completeScoringPolicy(given: ScoringPolicyInput = {}): ScoringPolicy {
  const input = withDependentDefaults(given) as ScoringPolicyInput;
  const d = DEFAULT_SCORING_POLICY;
  return {
    executionPoints: input.executionPoints ?? d.executionPoints,
    executionReasonBelowPercent: input.executionReasonBelowPercent ?? d.executionReasonBelowPercent,
    categoryPoints: { ...d.categoryPoints, ...defined(input.categoryPoints) },
    costAsOwnCategory: input.costAsOwnCategory ?? d.costAsOwnCategory,
    grades: { ...d.grades, ...defined(input.grades) },
    qualitative: { ...d.qualitative, ...defined(input.qualitative) },
    overAchievementReasonPercent: input.overAchievementReasonPercent ?? d.overAchievementReasonPercent,
    equalsExceedIsMet: input.equalsExceedIsMet ?? d.equalsExceedIsMet,
    overAchievementPenalty: { ...d.overAchievementPenalty, ...defined(input.overAchievementPenalty) },
  };
}

/** The categories whose points count: 成本 only when it is a 一级 of its own. */
function categoriesInUse(policy: Pick<ScoringPolicy, 'costAsOwnCategory'>): ScoringCategory[] {
  return policy.costAsOwnCategory
    ? ['output', 'cost', 'benefit', 'satisfaction']
    : ['output', 'benefit', 'satisfaction'];
}

export const CATEGORY_LABELS: Record<ScoringCategory, string> = {
  output: '产出',
  cost: '成本',
  benefit: '效益',
  satisfaction: '满意度',
};

interface PolicyIssue {
  path: (string | number)[];
  message: string;
}

/** Execution + the categories in use must add up to 100; else one issue naming the sum. */
export function categoryTotalIssue(
  executionPoints: number,
  points: CategoryPoints,
  costAsOwnCategory: boolean,
  path: (string | number)[],
): PolicyIssue | null {
  const used = categoriesInUse({ costAsOwnCategory });
  // Whole hundredths: weights are typed with at most two decimals, and 0.1 + 0.2 must not fail.
  const total = Math.round(executionPoints * 100) + used.reduce((acc, c) => acc + Math.round(points[c] * 100), 0);
  if (total === 10_000) return null;
  const terms = [`预算执行率 ${executionPoints}`, ...used.map((c) => `${CATEGORY_LABELS[c]} ${points[c]}`)];
  return { path, message: `分值合计应为 100：${terms.join(' + ')} = ${total / 100}` };
}

const BAND_ORDER = ['notAchieved', 'partly', 'achieved'] as const;
const BAND_LABELS = { achieved: '达成', partly: '部分达成', notAchieved: '未达成' } as const;

/**
 * What makes a complete policy inconsistent: category points not adding up to 100 with execution,
 * qualitative bands that leave a gap, overlap or leave 0–100, a suggested share outside its band.
 */
export function scoringPolicyIssues(policy: ScoringPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const total = categoryTotalIssue(policy.executionPoints, policy.categoryPoints, policy.costAsOwnCategory, [
    'categoryPoints',
  ]);
  if (total) issues.push(total);
  let edge = 0;
  for (const key of BAND_ORDER) {
    const band = policy.qualitative[key];
    const at = (member: string) => ['qualitative', key, member];
    if (band.min !== edge)
      issues.push({ path: at('min'), message: `${BAND_LABELS[key]}的下限应为 ${edge}（各档相接）` });
    if (band.max <= band.min) issues.push({ path: at('max'), message: `${BAND_LABELS[key]}的上限应大于下限` });
    if (band.points < band.min || band.points > band.max)
      issues.push({ path: at('points'), message: `${BAND_LABELS[key]}的建议分值应在 ${band.min}–${band.max} 之内` });
    edge = band.max;
  }
  if (edge !== 100) issues.push({ path: ['qualitative', 'achieved', 'max'], message: '达成的上限应为 100' });
  return issues;
}

/** The members of a group that were given: an explicit undefined keeps the default. */
function defined<T extends object>(group: Partial<T> | undefined): Partial<T> {
  if (!group) return {};
  return Object.fromEntries(Object.entries(group).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
