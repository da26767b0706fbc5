import { z } from 'zod';

/**
 * Every number of guide §6 as policy (kind 'scoring', stored per bureau or department). The
 * defaults are 财预〔2020〕10号's; the "(verify)" items of the guide are switches or bands here.
 */
const BandSchema = z.object({
  /** Share of the indicator's points, in percent: the band's range and the points given by default. */
  min: z.number().min(0).max(100),
  max: z.number().min(0).max(100),
  points: z.number().min(0).max(100),
});

export const ScoringPolicySchema = z.object({
  /** 预算执行率 points; score = executionPoints × min(执行数 / 调整后预算数, 1). */
  executionPoints: z.number().min(0).max(100).default(10),
  /** Execution below this percentage needs a reason (偏差原因). */
  executionReasonBelowPercent: z.number().min(0).max(100).default(90),
  /** Points per 一级 category, split evenly among its indicators unless an indicator carries a weight. */
  categoryPoints: z
    .object({
      output: z.number().min(0).default(50),
      benefit: z.number().min(0).default(30),
      satisfaction: z.number().min(0).default(10),
      cost: z.number().min(0).default(10),
    })
    .default({ output: 50, benefit: 30, satisfaction: 10, cost: 10 }),
  /**
   * 财预〔2021〕101号 makes 成本指标 a 一级 of its own. Off by default: cost indicators count under 产出
   * (as in 财预〔2020〕10号's forms) and categoryPoints.cost is unused.
   */
  costAsOwnCategory: z.boolean().default(false),
  /** 优 ≥ excellent, 良 ≥ good, 中 ≥ fair, else 差. */
  grades: z
    .object({ excellent: z.number().default(90), good: z.number().default(80), fair: z.number().default(60) })
    .default({ excellent: 90, good: 80, fair: 60 }),
  /** Qualitative indicators: achieved 80–100 %, partly 60–80 %, not achieved 0–60 % of the points (verify). */
  qualitative: z
    .object({
      achieved: BandSchema.default({ min: 80, max: 100, points: 100 }),
      partly: BandSchema.default({ min: 60, max: 80, points: 70 }),
      notAchieved: BandSchema.default({ min: 0, max: 60, points: 0 }),
    })
    .default({
      achieved: { min: 80, max: 100, points: 100 },
      partly: { min: 60, max: 80, points: 70 },
      notAchieved: { min: 0, max: 60, points: 0 },
    }),
  /**
   * "Far over target because the target was set too low: reduce points by the deviation" (verify):
   * off by default. When on, a met indicator that beats its target by more than thresholdPercent
   * loses the excess deviation as a share of its points, and needs a deviation analysis.
   */
  overAchievementPenalty: z
    .object({ enabled: z.boolean().default(false), thresholdPercent: z.number().min(0).default(50) })
    .default({ enabled: false, thresholdPercent: 50 }),
});

export type ScoringPolicy = z.output<typeof ScoringPolicySchema>;
export type ScoringPolicyInput = z.input<typeof ScoringPolicySchema>;

export const DEFAULT_SCORING_POLICY: ScoringPolicy = ScoringPolicySchema.parse({});

/** A stored policy body (or null) → a complete policy; an invalid body is refused where it is read. */
export function scoringPolicyFrom(body: unknown): ScoringPolicy {
  return ScoringPolicySchema.parse(body ?? {});
}
