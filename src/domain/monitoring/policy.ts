import { z } from 'zod';

export const WARNING_LEVELS = ['提示', '警示', '重点监控'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

const LevelSchema = z.enum(WARNING_LEVELS);
const AmountTextSchema = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, '金额应为元，最多两位小数');

/**
 * The finance bureau's monitoring rules (decision 011), stored per organisation as policy kind
 * 'monitoring' and read with defaults filled. Every threshold here is a policy value because the
 * guide marks them as local practice (guide §5: checkpoint 6 or 7, the 200万 / 60% / 8月 rule).
 */
export const MonitoringPolicySchema = z.object({
  /** The month-end whose data the monitoring round uses (1–6月 → 6; the central round → 7). */
  checkpointMonth: z.number().int().min(1).max(12).default(6),
  /** Spending behind the plan by MORE than `points` percentage points; the highest band that fires wins. */
  behindPlan: z.array(z.object({ points: z.number().min(0).max(100), level: LevelSchema })).default([
    { points: 10, level: '提示' },
    { points: 20, level: '警示' },
  ]),
  /** "Large and slow": budget ≥ minBudget and execution below maxRate % at the end of `month`. */
  largeAndSlow: z
    .array(
      z.object({
        minBudget: AmountTextSchema,
        month: z.number().int().min(1).max(12),
        maxRate: z.number().min(0).max(100),
        level: LevelSchema,
      }),
    )
    .default([{ minBudget: '2000000.00', month: 8, maxRate: 60, level: '重点监控' }]),
  /** Indicators forecast to miss: the level per 完成目标可能性, and for a forecast that misses its target. */
  forecastMiss: z
    .object({
      possible: LevelSchema.default('提示'),
      impossible: LevelSchema.default('警示'),
      forecastBelowTarget: LevelSchema.default('警示'),
    })
    .default({ possible: '提示', impossible: '警示', forecastBelowTarget: '警示' }),
  /** No indicator progress for the checkpoint by its month-end + graceDays. */
  overdue: z
    .object({ graceDays: z.number().int().min(0).max(120).default(15), level: LevelSchema.default('提示') })
    .default({ graceDays: 15, level: '提示' }),
});

export type MonitoringPolicy = z.output<typeof MonitoringPolicySchema>;

/** A stored body (or null) read as a full policy; a body that no longer fits falls back field by field is not attempted: it fails loudly. */
export function readMonitoringPolicy(body: unknown): MonitoringPolicy {
  return MonitoringPolicySchema.parse(body ?? {});
}

export const DEFAULT_MONITORING_POLICY: MonitoringPolicy = MonitoringPolicySchema.parse({});

const RANK: Record<WarningLevel, number> = { 提示: 1, 警示: 2, 重点监控: 3 };

export function levelRank(level: WarningLevel): number {
  return RANK[level];
}
