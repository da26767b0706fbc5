import type { TargetValue } from '../targets.ts';
import type { ActualValue } from './actual-value.ts';
import { exactNumber } from './exact-number.ts';
import type { ScoringPolicy } from './policy.ts';
import { absolute, compare, div, isZero, max, min, ONE, rational, sub, ZERO, type Rational } from '../rational.ts';

/** How much of an indicator's points an actual earns (0..1), whether it met the target, and whether it needs an analysis. */
export interface IndicatorOutcome {
  ratio: Rational;
  met: boolean;
  /** Beat the target by more than overAchievementReasonPercent (or the penalty's threshold when it is on). */
  overAchieved: boolean;
}

const HUNDRED = rational(100n);

/**
 * 财预〔2020〕10号 for numeric targets: met → full points, never more; ≥ missed → actual / target;
 * ≤ missed → target / actual; `=` met when equal or (by default) exceeded, below → actual / target.
 */
export function indicatorOutcome(target: TargetValue, actual: ActualValue, policy: ScoringPolicy): IndicatorOutcome {
  const value = actual.value;
  if (target.op === 'range') return rangeOutcome(exactNumber(target.min ?? 0), exactNumber(target.max ?? 0), value);
  const goal = exactNumber(target.value ?? 0);
  switch (target.op) {
    case '>=':
    case '>':
      return higherIsBetter(goal, value, target.op === '>', policy);
    case '<=':
    case '<':
      return lowerIsBetter(goal, value, target.op === '<', policy);
    default:
      return equalsOutcome(goal, value, policy);
  }
}

/** How far beyond the target, as a share of it (0 when not beyond or the target is not positive). */
function beyond(goal: Rational, value: Rational, higher: boolean): Rational {
  if (compare(goal, ZERO) <= 0) return ZERO;
  const over = higher ? sub(value, goal) : sub(goal, value);
  return compare(over, ZERO) > 0 ? div(over, goal) : ZERO;
}

const exceeds = (deviation: Rational, percent: number) => compare(deviation, div(exactNumber(percent), HUNDRED)) > 0;

/** A met target: full points, flagged when far beyond; with the (opt-in) penalty, the excess costs points. */
function metOutcome(deviation: Rational, policy: ScoringPolicy): IndicatorOutcome {
  const flagged = exceeds(deviation, policy.overAchievementReasonPercent);
  const penalty = policy.overAchievementPenalty;
  if (!penalty.enabled || !exceeds(deviation, penalty.thresholdPercent))
    return { ratio: ONE, met: true, overAchieved: flagged };
  const excess = sub(deviation, div(exactNumber(penalty.thresholdPercent), HUNDRED));
  return { ratio: max(ZERO, sub(ONE, excess)), met: true, overAchieved: true };
}

/** ≥: met → full; else actual / target. */
function higherIsBetter(goal: Rational, value: Rational, strict: boolean, policy: ScoringPolicy): IndicatorOutcome {
  const cmp = compare(value, goal);
  const met = strict ? cmp > 0 : cmp >= 0;
  if (met) return metOutcome(beyond(goal, value, true), policy);
  const ratio = compare(goal, ZERO) > 0 && compare(value, ZERO) > 0 ? min(div(value, goal), ONE) : ZERO;
  return { ratio, met, overAchieved: false };
}

/** ≤: met → full; else target / actual. */
function lowerIsBetter(goal: Rational, value: Rational, strict: boolean, policy: ScoringPolicy): IndicatorOutcome {
  const cmp = compare(value, goal);
  const met = strict ? cmp < 0 : cmp <= 0;
  if (met) {
    // The penalty is for targets set too low (≥); beating a ≤ target only needs the analysis.
    const flagged = exceeds(beyond(goal, value, false), policy.overAchievementReasonPercent);
    return { ratio: ONE, met, overAchieved: flagged };
  }
  const ratio = compare(value, ZERO) > 0 && compare(goal, ZERO) >= 0 ? min(div(goal, value), ONE) : ZERO;
  return { ratio, met, overAchieved: false };
}

/** =: equal → met; more than asked → met unless policy.equalsExceedIsMet is off; below → actual / target. */
function equalsOutcome(goal: Rational, value: Rational, policy: ScoringPolicy): IndicatorOutcome {
  const cmp = compare(value, goal);
  if (cmp === 0) return { ratio: ONE, met: true, overAchieved: false };
  if (cmp > 0 && compare(goal, ZERO) >= 0) {
    if (policy.equalsExceedIsMet) return metOutcome(beyond(goal, value, true), policy);
    return { ratio: closeness(value, goal), met: false, overAchieved: false };
  }
  return { ratio: closeness(value, goal), met: false, overAchieved: false };
}

/** A band: inside → full; outside → how close the actual came to the nearer edge. */
function rangeOutcome(low: Rational, high: Rational, value: Rational): IndicatorOutcome {
  if (compare(value, low) < 0) return { ratio: closeness(value, low), met: false, overAchieved: false };
  if (compare(value, high) > 0) return { ratio: closeness(value, high), met: false, overAchieved: false };
  return { ratio: ONE, met: true, overAchieved: false };
}

/**
 * min(|a|, |b|) / max(|a|, |b|) when a and b lie on the same side of zero, else 0: below an `=` target
 * this is actual / target (18 of 20 earns 0.9); at a band's edge, the nearer edge's share.
 */
function closeness(a: Rational, b: Rational): Rational {
  if (isZero(a) && isZero(b)) return ONE;
  const sameSide = (compare(a, ZERO) > 0 && compare(b, ZERO) > 0) || (compare(a, ZERO) < 0 && compare(b, ZERO) < 0);
  if (!sameSide) return ZERO;
  return div(min(absolute(a), absolute(b)), max(absolute(a), absolute(b)));
}
