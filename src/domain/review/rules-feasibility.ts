import { forEachProject, hit, NONE } from './project-walk.ts';
import type { ReviewRule } from './types.ts';

/*
 * 可行性 (财预〔2015〕88号 第三条（四）: 所采取的措施是否切实可行，并能确保绩效目标如期实现): a spending plan that can be
 * carried out — cumulative, never stepping back, reaching 100 % (guide §4 rule 10).
 */

type Checkpoint = { month: number; cumulativePercent: number | null };
type FilledCheckpoint = { month: number; cumulativePercent: number; index: number };

/** The filled checkpoints in month order (stable: equal months keep plan order), with their index in the plan (for the path). */
function filledCheckpoints(plan: readonly Checkpoint[]): FilledCheckpoint[] {
  const filled: FilledCheckpoint[] = [];
  let sorted = true;
  for (let index = 0; index < plan.length; index++) {
    const { month, cumulativePercent } = plan[index]!;
    if (cumulativePercent === null) continue;
    if (filled.length > 0 && month < filled[filled.length - 1]!.month) sorted = false;
    filled.push({ month, cumulativePercent, index });
  }
  // Plans are written in month order: sort (stable, as before) only the rare one that is not.
  return sorted ? filled : filled.sort((a, b) => a.month - b.month);
}

/** The last of filledCheckpoints(plan) without building it: the latest month, the later of equal months. */
function lastFilledCheckpoint(plan: readonly Checkpoint[]): FilledCheckpoint | undefined {
  let last: FilledCheckpoint | undefined;
  for (let index = 0; index < plan.length; index++) {
    const { month, cumulativePercent } = plan[index]!;
    if (cumulativePercent !== null && (last === undefined || month >= last.month))
      last = { month, cumulativePercent, index };
  }
  return last;
}

const spendingPlanShape: ReviewRule = {
  id: 'feasibility.spending-plan-shape',
  criterion: '可行性',
  severity: 'error',
  title: '资金支出计划为累计比例：在 0–100 之间且逐期不减（容差 spendingPlanTolerance）',
  check: ({ document, policy }) =>
    forEachProject(document, (project) => {
      const tolerance = policy.spendingPlanTolerance;
      let previous: { month: number; cumulativePercent: number } | null = null;
      const hits = [];
      for (const checkpoint of filledCheckpoints(project.spendingPlan)) {
        const path = ['spendingPlan', checkpoint.index, 'cumulativePercent'];
        const value = checkpoint.cumulativePercent;
        if (value < 0 || value > 100 + tolerance) {
          hits.push(
            hit(
              path,
              `资金支出计划“${checkpoint.month}月底”为 ${value}%，超出 0–100%`,
              `Spending plan: month ${checkpoint.month} is ${value}%, outside 0–100%`,
            ),
          );
        } else if (previous && value + tolerance < previous.cumulativePercent) {
          hits.push(
            hit(
              path,
              `资金支出计划是累计比例，“${checkpoint.month}月底”的 ${value}% 低于“${previous.month}月底”的 ${previous.cumulativePercent}%`,
              `Spending plan is cumulative: month ${checkpoint.month} (${value}%) is below month ${previous.month} (${previous.cumulativePercent}%)`,
            ),
          );
        }
        previous = checkpoint;
      }
      return hits;
    }),
};

const spendingPlanComplete: ReviewRule = {
  id: 'feasibility.spending-plan-complete',
  criterion: '可行性',
  severity: 'warning',
  title: '资金支出计划最后一期达到 100%（容差 spendingPlanTolerance），否则须说明原因',
  check: ({ document, policy }) =>
    forEachProject(document, (project) => {
      const last = lastFilledCheckpoint(project.spendingPlan);
      if (
        !last ||
        last.cumulativePercent > 100 ||
        Math.abs(100 - last.cumulativePercent) <= policy.spendingPlanTolerance
      )
        return NONE;
      return [
        hit(
          ['spendingPlan', last.index, 'cumulativePercent'],
          `资金支出计划最后一期（${last.month}月底）为 ${last.cumulativePercent}%，未达到 100%，需说明原因`,
          `Spending plan ends at ${last.cumulativePercent}% (month ${last.month}), not 100%; a reason is needed`,
        ),
      ];
    }),
};

export const FEASIBILITY_RULES: readonly ReviewRule[] = [spendingPlanShape, spendingPlanComplete];
