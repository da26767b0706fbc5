/**
 * Exact fractions of bigints. Scores are sums of products and quotients of decimal inputs
 * (amounts in 分, indicator values like 92.5); doing that in floats would make 8.335 round the
 * wrong way. Everything stays exact until `toFixed2` at the output.
 */
export interface Rational {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(abs(n), abs(d)) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/** A JS number as written in decimal ("92.5" → 185/2): indicator values come from text, so this is exact. */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return fromDecimal(numberToPlainString(value));
}

export function fromDecimal(text: string): Rational {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const n = BigInt(whole! + fraction) * (sign ? -1n : 1n);
  return rational(n, 10n ** BigInt(fraction.length));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);
export const compare = (a: Rational, b: Rational): number => Number(a.n * b.d - b.n * a.d > 0n) - Number(a.n * b.d - b.n * a.d < 0n);
export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);
export const isZero = (a: Rational): boolean => a.n === 0n;
export const negate = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const absolute = (a: Rational): Rational => ({ n: abs(a.n), d: a.d });
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);

/** Rounds half away from zero (四舍五入) to two decimals and returns a JS number for JSON output. */
export function toFixed2(value: Rational): number {
  return Number(toFixed2Text(value));
}

export function toFixed2Text(value: Rational): string {
  const negative = value.n < 0n;
  const scaled = abs(value.n) * 100n;
  let cents = scaled / value.d;
  if ((scaled % value.d) * 2n >= value.d) cents += 1n;
  const text = `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
  return negative && cents !== 0n ? `-${text}` : text;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** 1e-7 prints as "1e-7"; indicator values never need exponent form, but be safe. */
function numberToPlainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}
