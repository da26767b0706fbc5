import { z } from 'zod';

/**
 * A finance bureau's review settings (stored per organisation as policy kind 'review'). Flat on
 * purpose: a stored partial body is merged field by field over the defaults, and a new knob never
 * invalidates an old stored policy.
 */
export const ReviewPolicySchema = z.object({
  /** Local rules ask for at least 3 indicators per project (guide §3). */
  minIndicators: z.number().int().min(0).max(50).default(3),
  /** 满意度 indicator: always, never, or when the project serves people (decided by servingPeopleWords). */
  requireSatisfaction: z.enum(['always', 'when-serving-people', 'never']).default('when-serving-people'),
  servingPeopleWords: z
    .array(z.string().min(1))
    .default([
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
    ]),
  /** Percentage points the spending plan may miss 100 % (or step back) by, e.g. 0.5. */
  spendingPlanTolerance: z.number().min(0).max(100).default(0),
  /** Words that make a target vague when the value carries no number or grade. */
  vagueWords: z
    .array(z.string().min(1))
    .default([
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
    ]),
  allowedBases: z.array(z.string().min(1)).default(['计划标准', '行业标准', '历史标准', '其他']),
  /** A goal relates to its project when it shares at least this many content words with name + purpose. */
  relevanceMinSharedWords: z.number().int().min(1).max(10).default(1),
  /** Extra words to ignore when comparing texts (added to the built-in stop words). */
  relevanceStopWords: z.array(z.string()).default([]),
  /** Grade: this many errors or more → 差. */
  gradePoorErrors: z.number().int().min(1).default(5),
  /** Grade: errors in more than this share of the projects → 差. */
  gradePoorProjectShare: z.number().min(0).max(1).default(0.5),
  /** Grade: no error and at most this many warnings → 优; more warnings → 良. */
  gradeExcellentMaxWarnings: z.number().int().min(0).default(2),
  /** Rule ids switched off by this bureau. */
  disabledRules: z.array(z.string()).default([]),
});

export type ReviewPolicy = z.output<typeof ReviewPolicySchema>;
export type ReviewPolicyInput = z.input<typeof ReviewPolicySchema>;

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = ReviewPolicySchema.parse({});

/** Defaults filled in; unknown keys dropped. Throws a ZodError for a malformed body (callers map it). */
export function resolveReviewPolicy(policy?: Partial<ReviewPolicy> | null): ReviewPolicy {
  return ReviewPolicySchema.parse(policy ?? {});
}
