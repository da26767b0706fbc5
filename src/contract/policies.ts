import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import {
  DEFAULT_DEPARTMENT_EVALUATION_POLICY,
  type DepartmentEvaluationPolicy,
} from '../domain/department-evaluation/policy.ts';
import { DEFAULT_MONITORING_POLICY, type MonitoringPolicy, WARNING_LEVELS } from '../domain/monitoring/policy.ts';
import { DEFAULT_REVIEW_POLICY, type ReviewPolicy } from '../domain/review/policy.ts';
import {
  DEFAULT_SCORING_POLICY,
  type ScoringPolicy,
  type ScoringPolicyInput,
  scoringPolicyIssues,
  withDependentDefaults,
} from '../domain/scoring/policy.ts';
import { safeName, safeText } from './text.ts';
import { zodIssues } from './validate-input.ts';

/** The policy kinds an organisation can set (stored per organisation in the policies table). */
export const POLICY_KINDS = ['review', 'monitoring', 'scoring', 'department-evaluation'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** GET/PUT /api/bureau/policies/:kind answer: as stored (partial, or null), effective, and the defaults. */
export const PolicyViewSchema = z.object({
  kind: z.enum(POLICY_KINDS),
  orgCode: z.string(),
  stored: z.record(z.string(), z.unknown()).nullable(),
  effective: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
  /** How many times this policy was written (0: never); a save sends it back as If-Match to catch a stale form. */
  version: z.number().int().nonnegative(),
});
export type PolicyViewResponse = z.infer<typeof PolicyViewSchema>;

/**
 * The policy bodies' schemas: what a stored or submitted body may contain, each knob's range, and
 * the domain's defaults filled in. Each is typed against its domain type, so schema and model cannot
 * drift (a knob missing or extra on either side fails tsc).
 */

/** A fresh copy of a default per parse: zod copies only the top level, and a caller may edit the result. */
const fresh =
  <T>(value: T) =>
  (): T =>
    structuredClone(value);

const R = DEFAULT_REVIEW_POLICY;
const WordsSchema = z.array(z.string().min(1));

export const ReviewPolicySchema = z.object({
  minIndicators: z.number().int().min(0).max(50).default(R.minIndicators),
  requireSatisfaction: z.enum(['always', 'when-serving-people', 'never']).default(R.requireSatisfaction),
  servingPeopleWords: WordsSchema.default(fresh(R.servingPeopleWords)),
  spendingPlanTolerance: z.number().min(0).max(100).default(R.spendingPlanTolerance),
  vagueWords: WordsSchema.default(fresh(R.vagueWords)),
  allowedBases: WordsSchema.default(fresh(R.allowedBases)),
  relevanceMinSharedWords: z.number().int().min(1).max(10).default(R.relevanceMinSharedWords),
  relevanceStopWords: z.array(z.string()).default(fresh(R.relevanceStopWords)),
  requireMeasurementMethod: z.boolean().default(R.requireMeasurementMethod),
  unitCostFactor: z.number().min(1).max(1000).default(R.unitCostFactor),
  unitCostMinPeers: z.number().int().min(1).max(100).default(R.unitCostMinPeers),
  gradePoorErrors: z.number().int().min(1).default(R.gradePoorErrors),
  gradePoorProjectShare: z.number().min(0).max(1).default(R.gradePoorProjectShare),
  gradeExcellentMaxWarnings: z.number().int().min(0).default(R.gradeExcellentMaxWarnings),
  disabledRules: z.array(z.string()).default(fresh(R.disabledRules)),
  unionBureauApproval: z.boolean().default(R.unionBureauApproval),
}) satisfies z.ZodType<ReviewPolicy>;

const M = DEFAULT_MONITORING_POLICY;
const LevelSchema = z.enum(WARNING_LEVELS);
const AmountTextSchema = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, '金额应为元，最多两位小数');
const MonthSchema = z.number().int().min(1).max(12);

export const MonitoringPolicySchema = z.object({
  checkpoints: z
    .array(
      z.object({
        month: MonthSchema,
        dueDate: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '截止日期应为 MM-DD'),
      }),
    )
    .min(1)
    .max(12)
    .refine((list) => new Set(list.map((c) => c.month)).size === list.length, '同一月份只能设一个监控节点')
    .default(fresh(M.checkpoints)),
  behindPlan: z
    .array(z.object({ points: z.number().min(0).max(100), level: LevelSchema }))
    .default(fresh(M.behindPlan)),
  largeAndSlow: z
    .array(
      z.object({
        minBudget: AmountTextSchema,
        month: MonthSchema,
        maxRate: z.number().min(0).max(100),
        level: LevelSchema,
      }),
    )
    .default(fresh(M.largeAndSlow)),
  forecastMiss: z
    .object({
      possible: LevelSchema.default(M.forecastMiss.possible),
      impossible: LevelSchema.default(M.forecastMiss.impossible),
      forecastBelowTarget: LevelSchema.default(M.forecastMiss.forecastBelowTarget),
    })
    .default(fresh(M.forecastMiss)),
  overdue: z
    .object({
      graceDays: z.number().int().min(0).max(120).default(M.overdue.graceDays),
      level: LevelSchema.default(M.overdue.level),
    })
    .default(fresh(M.overdue)),
}) satisfies z.ZodType<MonitoringPolicy>;

const S = DEFAULT_SCORING_POLICY;
const PercentSchema = z.number().min(0).max(100);
const BandSchema = z.object({ min: PercentSchema, max: PercentSchema, points: PercentSchema });

/** The scoring knobs one by one (a stored body may give any subset: `.partial()` of this). */
export const ScoringPolicyFieldsSchema = z.object({
  executionPoints: PercentSchema.default(S.executionPoints),
  executionReasonBelowPercent: PercentSchema.default(S.executionReasonBelowPercent),
  categoryPoints: z
    .object({
      output: z.number().min(0).default(S.categoryPoints.output),
      benefit: z.number().min(0).default(S.categoryPoints.benefit),
      satisfaction: z.number().min(0).default(S.categoryPoints.satisfaction),
      cost: z.number().min(0).default(S.categoryPoints.cost),
    })
    .default(fresh(S.categoryPoints)),
  costAsOwnCategory: z.boolean().default(S.costAsOwnCategory),
  grades: z
    .object({
      excellent: z.number().default(S.grades.excellent),
      good: z.number().default(S.grades.good),
      fair: z.number().default(S.grades.fair),
    })
    .default(fresh(S.grades)),
  qualitative: z
    .object({
      achieved: BandSchema.default(fresh(S.qualitative.achieved)),
      partly: BandSchema.default(fresh(S.qualitative.partly)),
      notAchieved: BandSchema.default(fresh(S.qualitative.notAchieved)),
    })
    .default(fresh(S.qualitative)),
  overAchievementReasonPercent: z.number().min(0).max(1000).default(S.overAchievementReasonPercent),
  equalsExceedIsMet: z.boolean().default(S.equalsExceedIsMet),
  overAchievementPenalty: z
    .object({
      enabled: z.boolean().default(S.overAchievementPenalty.enabled),
      thresholdPercent: z.number().min(0).default(S.overAchievementPenalty.thresholdPercent),
    })
    .default(fresh(S.overAchievementPenalty)),
}) satisfies z.ZodType<ScoringPolicy, ScoringPolicyInput>;

/**
 * A whole scoring policy: the knobs, the defaults that depend on another knob (成本 as its own 一级
 * → 产出 40), and the checks across knobs (execution + categories in use = 100; the qualitative bands
 * contiguous over 0–100), each refusal at its path.
 */
export const ScoringPolicySchema = z.preprocess(
  withDependentDefaults,
  ScoringPolicyFieldsSchema.superRefine((policy, ctx) => {
    for (const issue of scoringPolicyIssues(policy)) ctx.addIssue({ code: 'custom', ...issue });
  }),
);

const D = DEFAULT_DEPARTMENT_EVALUATION_POLICY;

/**
 * The 部门整体支出绩效 management items (kind 'department-evaluation', decision 045): each item's key is
 * what a stored form's score is matched by, so keys are unique; the items' points come off the 100.
 */
export const DepartmentEvaluationPolicySchema = z.object({
  managementItems: z
    .array(
      z.object({
        key: safeName(64).min(1),
        name: safeName(100).min(1),
        points: z.number().min(0).max(100),
        guidance: safeText(4000),
      }),
    )
    .max(20)
    .superRefine((items, ctx) => {
      items.forEach((item, index) => {
        if (items.findIndex((other) => other.key === item.key) !== index)
          ctx.addIssue({ code: 'custom', path: [index, 'key'], message: `管理指标编码“${item.key}”重复` });
      });
      const cents = items.reduce((total, item) => total + Math.round(item.points * 100), 0);
      if (cents > 100_00) ctx.addIssue({ code: 'custom', message: '管理指标分值合计不能超过 100 分' });
    })
    .default(fresh(D.managementItems)),
}) satisfies z.ZodType<DepartmentEvaluationPolicy, unknown>;

/**
 * Compile-time only: each schema's output is exactly its domain type. `satisfies` above catches a
 * knob the schema lacks; this catches one the domain lacks.
 */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _exact: [
  Exactly<z.output<typeof ReviewPolicySchema>, ReviewPolicy>,
  Exactly<z.output<typeof MonitoringPolicySchema>, MonitoringPolicy>,
  Exactly<z.output<typeof ScoringPolicySchema>, ScoringPolicy>,
  Exactly<z.output<typeof DepartmentEvaluationPolicySchema>, DepartmentEvaluationPolicy>,
] = [true, true, true, true];

/** A stored review body (or null) as a full policy; a body that no longer fits throws a ZodError (callers map it). */
export function readReviewPolicy(body: unknown): ReviewPolicy {
  return ReviewPolicySchema.parse(body ?? {});
}

/** A review policy (stored, or given to `jixiao review --file`) with defaults filled in; VALIDATION when it does not fit. */
export function parseReviewPolicy(body: unknown): ReviewPolicy {
  const parsed = ReviewPolicySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  throw new AppError(
    'VALIDATION',
    `审核规则设置不符合要求：${issues[0]?.path?.join('.') ?? ''} ${issues[0]?.message ?? ''}`.trim(),
    { issues },
  );
}

/** A stored monitoring body (or null) as a full policy; a body that no longer fits fails loudly. */
export function readMonitoringPolicy(body: unknown): MonitoringPolicy {
  return MonitoringPolicySchema.parse(body ?? {});
}

/** A stored scoring body (or null) as a full policy; an invalid body is refused where it is read. */
export function readScoringPolicy(body: unknown): ScoringPolicy {
  return ScoringPolicySchema.parse(body ?? {});
}

/**
 * A scoring policy given from outside (`jixiao score --policy FILE`): the same schema and defaults as
 * the bureau's stored one; VALIDATION at the first issue's path, every issue listed.
 */
export function parseScoringPolicy(body: unknown): ScoringPolicy {
  const parsed = ScoringPolicySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const first = issues[0];
  throw new AppError(
    'VALIDATION',
    `绩效评分规则设置不符合要求：${first?.path?.join('.') ?? ''}：${first?.message ?? ''}`,
    {
      location: { path: first?.path ?? [] },
      issues,
    },
  );
}
