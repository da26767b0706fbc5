export const WARNING_LEVELS = ['提示', '警示', '重点监控'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/**
 * The finance bureau's monitoring rules (decision 011), stored per organisation as policy kind
 * 'monitoring' and read with defaults filled (the contract's `readMonitoringPolicy`, whose schema is
 * typed against this interface). Every threshold here is a policy value because the guide marks them
 * as local practice (guide §5: checkpoint 6 or 7, the 200万 / 60% / 8月 rule).
 */
export type MonitoringPolicy = {
  /**
   * The rounds a unit submits its monitoring for (财预〔2019〕136号: the central round uses data to the end of July,
   * reported in August; localities use June or August): each a month-end and the 'MM-DD' it is due by. The
   * behind-plan warning checks each checkpoint's month-end and the overdue warning each due date (decision 036:
   * one knob for "when", where there used to be a separate `checkpointMonth`).
   */
  checkpoints: MonitoringCheckpoint[];
  /** Spending behind the plan by MORE than `points` percentage points; the highest band that fires wins. */
  behindPlan: { points: number; level: WarningLevel }[];
  /** "Large and slow": budget ≥ minBudget (元, text) and execution below maxRate % at the end of `month`. */
  largeAndSlow: { minBudget: string; month: number; maxRate: number; level: WarningLevel }[];
  /** Indicators forecast to miss: the level per 完成目标可能性, and for a forecast that misses its target. */
  forecastMiss: { possible: WarningLevel; impossible: WarningLevel; forecastBelowTarget: WarningLevel };
  /** No indicator progress for a checkpoint once its due date + graceDays has passed. */
  overdue: { graceDays: number; level: WarningLevel };
};

export type MonitoringCheckpoint = { month: number; dueDate: string };

export const DEFAULT_MONITORING_POLICY = Object.freeze<MonitoringPolicy>({
  checkpoints: [{ month: 7, dueDate: '08-31' }],
  behindPlan: [
    { points: 10, level: '提示' },
    { points: 20, level: '警示' },
  ],
  largeAndSlow: [{ minBudget: '2000000.00', month: 8, maxRate: 60, level: '重点监控' }],
  forecastMiss: { possible: '提示', impossible: '警示', forecastBelowTarget: '警示' },
  overdue: { graceDays: 0, level: '提示' },
});

const RANK: Record<WarningLevel, number> = { 提示: 1, 警示: 2, 重点监控: 3 };

export function levelRank(level: WarningLevel): number {
  return RANK[level];
}

/** How many warnings there are of each level, every level present (0 when none). */
export function countByLevel(warnings: readonly { level: WarningLevel }[]): Record<WarningLevel, number> {
  const counts = Object.fromEntries(WARNING_LEVELS.map((level) => [level, 0])) as Record<WarningLevel, number>;
  for (const w of warnings) counts[w.level] += 1;
  return counts;
}
