import type { TargetValue } from '../targets.ts';
import type { ActualValue } from './actual-value.ts';
import { exactNumber } from './exact-number.ts';
import type { ScoringPolicy } from './policy.ts';
import { absolute, compare, div, isZero, max, min, ONE, rational, sub, ZERO, type Rational } from '../rational.ts';

/** How much of an indicator's points an actual earns (0..1), whether it met the target, and whether it needs an analysis. */
export interface IndicatorOutcome {
  ratio: Rational;
  met: boolean;
  /** Beat the target by more than the over-achievement threshold (only when the penalty is switched on). */
  overAchieved: boolean;
}

export function indicatorOutcome(target: TargetValue, actual: ActualValue, policy: ScoringPolicy): IndicatorOutcome {
  if (actual.kind === 'grade') {
    const band = policy.qualitative[actual.band];
    const percent = actual.atBandMinimum ? band.min : band.points;
    return { ratio: div(exactNumber(percent), rational(100n)), met: actual.band === 'achieved', overAchieved: false };
  }
  const value = actual.value;
  if (target.op === 'range') return rangeOutcome(exactNumber(target.min ?? 0), exactNumber(target.max ?? 0), value);
  const goal = exactNumber(target.value ?? 0);
  switch (target.op) {
    case '>=':
    case '>':
      return higherIsBetter(goal, value, target.op === '>', policy);
    case '<=':
    case '<':
      return lowerIsBetter(goal, value, target.op === '<');
    default:
      return {
        ratio: compare(value, goal) === 0 ? ONE : closeness(value, goal),
        met: compare(value, goal) === 0,
        overAchieved: false,
      };
  }
}

/** ≥: met → full; else actual / target. With the penalty on, beating the target by more than the threshold costs the excess. */
function higherIsBetter(goal: Rational, value: Rational, strict: boolean, policy: ScoringPolicy): IndicatorOutcome {
  const cmp = compare(value, goal);
  const met = strict ? cmp > 0 : cmp >= 0;
  if (!met) {
    const ratio = compare(goal, ZERO) > 0 && compare(value, ZERO) > 0 ? min(div(value, goal), ONE) : ZERO;
    return { ratio, met, overAchieved: false };
  }
  const penalty = policy.overAchievementPenalty;
  if (!penalty.enabled || compare(goal, ZERO) <= 0) return { ratio: ONE, met, overAchieved: false };
  const deviation = div(sub(value, goal), goal);
  const excess = sub(deviation, div(exactNumber(penalty.thresholdPercent), rational(100n)));
  if (compare(excess, ZERO) <= 0) return { ratio: ONE, met, overAchieved: false };
  return { ratio: max(ZERO, sub(ONE, excess)), met, overAchieved: true };
}

/** ≤: met → full; else target / actual. */
function lowerIsBetter(goal: Rational, value: Rational, strict: boolean): IndicatorOutcome {
  const cmp = compare(value, goal);
  const met = strict ? cmp < 0 : cmp <= 0;
  if (met) return { ratio: ONE, met, overAchieved: false };
  const ratio = compare(value, ZERO) > 0 && compare(goal, ZERO) >= 0 ? min(div(goal, value), ONE) : ZERO;
  return { ratio, met, overAchieved: false };
}

/** A band: inside → full; outside → how close the actual came to the nearer edge. */
function rangeOutcome(low: Rational, high: Rational, value: Rational): IndicatorOutcome {
  if (compare(value, low) < 0) return { ratio: closeness(value, low), met: false, overAchieved: false };
  if (compare(value, high) > 0) return { ratio: closeness(value, high), met: false, overAchieved: false };
  return { ratio: ONE, met: true, overAchieved: false };
}

/**
 * min(|a|, |b|) / max(|a|, |b|) when a and b lie on the same side of zero, else 0: for `=` targets
 * and band edges, 18 against 20 earns 0.9 and so does 20 against 18 (well, 18/20 both ways).
 */
function closeness(a: Rational, b: Rational): Rational {
  if (isZero(a) && isZero(b)) return ONE;
  const sameSide = (compare(a, ZERO) > 0 && compare(b, ZERO) > 0) || (compare(a, ZERO) < 0 && compare(b, ZERO) < 0);
  if (!sameSide) return ZERO;
  return div(min(absolute(a), absolute(b)), max(absolute(a), absolute(b)));
}
