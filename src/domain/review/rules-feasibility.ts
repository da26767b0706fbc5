import { parseAmountToCents, formatCents } from '../money.ts';
import { forEachProject, hit } from './project-walk.ts';
import type { ReviewRule } from './types.ts';

export const budgetIdentity: ReviewRule = {
  id: 'feasibility.budget-identity',
  criterion: '可行性',
  severity: 'error',
  title: '预算数 = 财政资金 + 其他资金（空格按 0 计）',
  check: ({ document }) =>
    forEachProject(document, (project) => {
      const { total, fiscal, other } = project.budget;
      if (total === null || (fiscal === null && other === null)) return [];
      const cents = [total, fiscal ?? '0', other ?? '0'].map(parseAmountToCents);
      if (cents.some((value) => value === null)) return [];
      const [t, f, o] = cents as bigint[];
      if (t === f! + o!) return [];
      const sum = formatCents(f! + o!);
      return [hit(['budget', 'total'], `预算数 ${total} 元不等于财政资金与其他资金之和 ${sum} 元`, `Budget total ${total} differs from fiscal + other funds ${sum}`)];
    }),
};

/** The filled checkpoints in month order, with their index in the plan (for the path). */
function filledCheckpoints(plan: { month: number; cumulativePercent: number | null }[]) {
  return plan
    .map((checkpoint, index) => ({ ...checkpoint, index }))
    .filter((c): c is { month: number; cumulativePercent: number; index: number } => c.cumulativePercent !== null)
    .sort((a, b) => a.month - b.month);
}

export const spendingPlanShape: ReviewRule = {
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
          hits.push(hit(path, `资金支出计划“${checkpoint.month}月底”为 ${value}%，超出 0–100%`, `Spending plan: month ${checkpoint.month} is ${value}%, outside 0–100%`));
        } else if (previous && value + tolerance < previous.cumulativePercent) {
          hits.push(hit(path, `资金支出计划是累计比例，“${checkpoint.month}月底”的 ${value}% 低于“${previous.month}月底”的 ${previous.cumulativePercent}%`, `Spending plan is cumulative: month ${checkpoint.month} (${value}%) is below month ${previous.month} (${previous.cumulativePercent}%)`));
        }
        previous = checkpoint;
      }
      return hits;
    }),
};

export const spendingPlanComplete: ReviewRule = {
  id: 'feasibility.spending-plan-complete',
  criterion: '可行性',
  severity: 'warning',
  title: '资金支出计划最后一期达到 100%（容差 spendingPlanTolerance），否则须说明原因',
  check: ({ document, policy }) =>
    forEachProject(document, (project) => {
      const last = filledCheckpoints(project.spendingPlan).at(-1);
      if (!last || last.cumulativePercent > 100 || Math.abs(100 - last.cumulativePercent) <= policy.spendingPlanTolerance) return [];
      return [hit(['spendingPlan', last.index, 'cumulativePercent'], `资金支出计划最后一期（${last.month}月底）为 ${last.cumulativePercent}%，未达到 100%，需说明原因`, `Spending plan ends at ${last.cumulativePercent}% (month ${last.month}), not 100%; a reason is needed`)];
    }),
};

export const FEASIBILITY_RULES: readonly ReviewRule[] = [budgetIdentity, spendingPlanShape, spendingPlanComplete];
