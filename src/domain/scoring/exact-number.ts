import { BoundedCache } from '../bounded-cache.ts';
import { fromNumber, type Rational } from '../rational.ts';

/**
 * The scorer's memo of exact numbers: a city scores 300,000 indicators whose targets and actuals are
 * drawn from a few thousand distinct numbers, and each reading costs a BigInt gcd (texts are
 * remembered by rememberedTargetValue). Immutable values; bounded, so a server cannot grow.
 */
const rationals = new BoundedCache<number, Rational>(50_000);

/** fromNumber, remembered (the value is immutable). */
export function exactNumber(value: number): Rational {
  return rationals.remember(value, fromNumber);
}
