/**
 * A finance bureau's review settings (stored per organisation as policy kind 'review'). Flat on
 * purpose: a stored partial body is merged field by field over the defaults, and a new knob never
 * invalidates an old stored policy. What a stored body may contain (ranges, unknown keys) is the
 * contract's `ReviewPolicySchema`, typed against this interface.
 */
export type ReviewPolicy = {
  /** Local rules ask for at least 3 indicators per project (guide §3). */
  minIndicators: number;
  /** 满意度 indicator: always, never, or when the project serves people (decided by servingPeopleWords). */
  requireSatisfaction: 'always' | 'when-serving-people' | 'never';
  servingPeopleWords: string[];
  /** Percentage points the spending plan may miss 100 % (or step back) by, e.g. 0.5. */
  spendingPlanTolerance: number;
  /** Words that make a target vague when the value carries no number or grade. */
  vagueWords: string[];
  allowedBases: string[];
  /** A goal relates to its project when it shares at least this many content words with name + purpose. */
  relevanceMinSharedWords: number;
  /** Extra words to ignore when comparing texts (added to the built-in stop words). */
  relevanceStopWords: string[];
  /** A quantitative indicator states how it is measured (指标解释 / 计算公式 / 数据来源) where the layout has the field. */
  requireMeasurementMethod: boolean;
  /** appropriateness.unit-cost: flag a cost per unit above factor × the peers' median, or below median ÷ factor. */
  unitCostFactor: number;
  /** appropriateness.unit-cost: compare only when the same indicator has at least this many peers. */
  unitCostMinPeers: number;
  /** Grade: this many errors or more → 差. */
  gradePoorErrors: number;
  /** Grade: errors in more than this share of the projects → 差. */
  gradePoorProjectShare: number;
  /** Grade: no error and at most this many warnings → 优; more warnings → 良. */
  gradeExcellentMaxWarnings: number;
  /** Rule ids switched off by this bureau. */
  disabledRules: string[];
  /**
   * Approval chain (decision 049): a unit under a 工会 goes to that superior union, then — when true — on to this
   * bureau for 批复 / 复核定稿; false: the superior union's decision is final. True reproduces the chain before types.
   */
  unionBureauApproval: boolean;
};

export const DEFAULT_REVIEW_POLICY = Object.freeze<ReviewPolicy>({
  minIndicators: 3,
  requireSatisfaction: 'when-serving-people',
  servingPeopleWords: [
    '补助',
    '慰问',
    '服务',
    '职工',
    '群众',
    '帮扶',
    '救助',
    '津贴',
    '体检',
    '困难',
    '培训',
    '居民',
    '学生',
    '患者',
    '老人',
    '劳模',
  ],
  spendingPlanTolerance: 0,
  vagueWords: [
    '有所提高',
    '有所提升',
    '有所改善',
    '有所增加',
    '有所增强',
    '进一步',
    '逐步',
    '不断',
    '稳步',
    '大幅',
    '显著',
  ],
  allowedBases: ['计划标准', '行业标准', '历史标准', '其他'],
  relevanceMinSharedWords: 1,
  relevanceStopWords: [],
  requireMeasurementMethod: true,
  unitCostFactor: 3,
  unitCostMinPeers: 1,
  gradePoorErrors: 5,
  gradePoorProjectShare: 0.5,
  gradeExcellentMaxWarnings: 2,
  disabledRules: [],
  unionBureauApproval: true,
});

/**
 * A validated partial policy over the defaults, field by field (a field given as undefined keeps
 * its default). Validation is the contract's job: this only fills in.
 */
export function resolveReviewPolicy(policy?: Partial<ReviewPolicy> | null): ReviewPolicy {
  const resolved: ReviewPolicy = { ...DEFAULT_REVIEW_POLICY };
  if (!policy) return resolved;
  for (const key of Object.keys(resolved) as (keyof ReviewPolicy)[]) {
    if (policy[key] !== undefined) Object.assign(resolved, { [key]: policy[key] });
  }
  return resolved;
}
