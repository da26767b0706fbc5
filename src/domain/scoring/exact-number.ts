import { parseTargetValue } from '../target-value.ts';
import type { TargetValue } from '../targets.ts';
import { fromNumber, type Rational } from '../rational.ts';

/**
 * Memos for the scorer's hot path: a city scores 300,000 indicators whose targets and actuals are
 * drawn from a few thousand distinct numbers and texts, and each costs a BigInt gcd or a grammar
 * pass. Results are immutable values; the maps are bounded so a long-running server cannot grow.
 */
const LIMIT = 50_000;
const rationals = new Map<number, Rational>();
const parsedValues = new Map<string, TargetValue>();

function remember<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= LIMIT) map.clear();
    value = make(key);
    map.set(key, value);
  }
  return value;
}

/** fromNumber, remembered (the value is immutable). */
export function exactNumber(value: number): Rational {
  return remember(rationals, value, fromNumber);
}

/** parseTargetValue, remembered: callers must not mutate the result. */
export function parsedValue(raw: string): TargetValue {
  return remember(parsedValues, raw, parseTargetValue);
}
