import { parseAmountToCents } from '../money.ts';
import { compare, div, mul, ONE, rational, type Rational } from '../rational.ts';
import { exactNumber } from './exact-number.ts';
import type { ScoringPolicy } from './policy.ts';
import type { ExecutionScore, ProjectActuals } from './score-project.ts';

/**
 * 预算执行率 (财预〔2020〕10号; guide §6): 执行数 / 调整后预算数, points = weight × min(rate, 1). A budget of
 * 0 (or less) cannot be scored: excluded and flagged 'zero-budget'. Spending above the adjusted budget is
 * an error to explain, not a full score to hide it: points capped at the weight, flagged 'over-spent',
 * a reason required.
 */
export function executionPart(actuals: ProjectActuals | null, policy: ScoringPolicy): ExecutionScore {
  const weight = exactNumber(policy.executionPoints);
  const base = {
    weight,
    rate: null,
    points: null,
    missing: false,
    notApplicable: false,
    deviationRequired: false,
    flag: null,
  };
  const budget = actuals?.adjustedBudget ? parseAmountToCents(actuals.adjustedBudget) : null;
  const spent = actuals?.spent ? parseAmountToCents(actuals.spent) : null;
  if (budget !== null && budget <= 0n) return { ...base, notApplicable: true, flag: 'zero-budget' };
  if (budget === null || spent === null) return { ...base, missing: true };
  const rate: Rational = rational(spent, budget);
  if (compare(rate, ONE) > 0) return { ...base, rate, points: weight, deviationRequired: true, flag: 'over-spent' };
  const threshold = div(exactNumber(policy.executionReasonBelowPercent), rational(100n));
  return { ...base, rate, points: mul(weight, rate), deviationRequired: compare(rate, threshold) < 0 };
}
