/**
 * Every number of guide §6 as policy (kind 'scoring', stored per bureau or department). The
 * defaults are 财预〔2020〕10号's; the "(verify)" items of the guide are switches or bands here. What a
 * stored body may contain is the contract's `ScoringPolicySchema`, typed against these types.
 */
export type ScoringBand = {
  /** Share of the indicator's points, in percent: the band's range and the points given by default. */
  min: number;
  max: number;
  points: number;
};

export type ScoringPolicy = {
  /** 预算执行率 points; score = executionPoints × min(执行数 / 调整后预算数, 1). */
  executionPoints: number;
  /** Execution below this percentage needs a reason (偏差原因). */
  executionReasonBelowPercent: number;
  /** Points per 一级 category, split evenly among its indicators unless an indicator carries a weight. */
  categoryPoints: { output: number; benefit: number; satisfaction: number; cost: number };
  /**
   * 财预〔2021〕101号 makes 成本指标 a 一级 of its own. Off by default: cost indicators count under 产出
   * (as in 财预〔2020〕10号's forms) and categoryPoints.cost is unused.
   */
  costAsOwnCategory: boolean;
  /** 优 ≥ excellent, 良 ≥ good, 中 ≥ fair, else 差. */
  grades: { excellent: number; good: number; fair: number };
  /** Qualitative indicators: achieved 80–100 %, partly 60–80 %, not achieved 0–60 % of the points (verify). */
  qualitative: { achieved: ScoringBand; partly: ScoringBand; notAchieved: ScoringBand };
  /**
   * "Far over target because the target was set too low: reduce points by the deviation" (verify):
   * off by default. When on, a met indicator that beats its target by more than thresholdPercent
   * loses the excess deviation as a share of its points, and needs a deviation analysis.
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
    partly: { min: 60, max: 80, points: 70 },
    notAchieved: { min: 0, max: 60, points: 0 },
  },
  overAchievementPenalty: { enabled: false, thresholdPercent: 50 },
});

/** A validated partial policy over the defaults, group by group. Validation is the contract's job. */
export function completeScoringPolicy(input: ScoringPolicyInput = {}): ScoringPolicy {
  const d = DEFAULT_SCORING_POLICY;
  return {
    executionPoints: input.executionPoints ?? d.executionPoints,
    executionReasonBelowPercent: input.executionReasonBelowPercent ?? d.executionReasonBelowPercent,
    categoryPoints: { ...d.categoryPoints, ...defined(input.categoryPoints) },
    costAsOwnCategory: input.costAsOwnCategory ?? d.costAsOwnCategory,
    grades: { ...d.grades, ...defined(input.grades) },
    qualitative: { ...d.qualitative, ...defined(input.qualitative) },
    overAchievementPenalty: { ...d.overAchievementPenalty, ...defined(input.overAchievementPenalty) },
  };
}

/** The members of a group that were given: an explicit undefined keeps the default. */
function defined<T extends object>(group: Partial<T> | undefined): Partial<T> {
  if (!group) return {};
  return Object.fromEntries(Object.entries(group).filter(([, value]) => value !== undefined)) as Partial<T>;
}
