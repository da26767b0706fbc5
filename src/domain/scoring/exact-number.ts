import { BoundedCache } from '../bounded-cache.ts';
import { parseTargetValue } from '../target-value.ts';
import type { TargetValue } from '../targets.ts';
import { fromNumber, type Rational } from '../rational.ts';

/**
 * Memos for the scorer's hot path: a city scores 300,000 indicators whose targets and actuals are
 * drawn from a few thousand distinct numbers and texts, and each costs a BigInt gcd or a grammar
 * pass. Results are immutable values; the memos are bounded so a long-running server cannot grow.
 */
const rationals = new BoundedCache<number, Rational>(50_000);
const parsedValues = new BoundedCache<string, TargetValue>(50_000);

/** fromNumber, remembered (the value is immutable). */
export function exactNumber(value: number): Rational {
  return rationals.remember(value, fromNumber);
}

/** parseTargetValue, remembered: callers must not mutate the result. */
export function parsedValue(raw: string): TargetValue {
  return parsedValues.remember(raw, parseTargetValue);
}
