/**
 * Exact rationals for rates and planned shares: a percentage of an amount in 分 is computed
 * without floats and rounded once, for display. The denominator is always positive.
 */
export interface Ratio {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function ratio(num: bigint, den: bigint = 1n): Ratio {
  if (den === 0n) throw new RangeError('ratio with a zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** "60", "33.5", 12.25: decimal notation read exactly (a JS number's shortest decimal form). */
export function fromDecimal(value: number | string): Ratio {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const num = BigInt(whole! + fraction) * (sign ? -1n : 1n);
  return ratio(num, 10n ** BigInt(fraction.length));
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);

export function compare(a: Ratio, b: Ratio): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Rounds half away from zero to `digits` decimals: "66.67". */
export function toFixed(r: Ratio, digits = 2): string {
  const scale = 10n ** BigInt(digits);
  const negative = r.num < 0n;
  const abs = negative ? -r.num : r.num;
  const scaled = (abs * scale * 2n + r.den) / (2n * r.den);
  const whole = (scaled / scale).toString();
  const fraction = digits > 0 ? `.${(scaled % scale).toString().padStart(digits, '0')}` : '';
  return `${negative && scaled !== 0n ? '-' : ''}${whole}${fraction}`;
}

/** Rounds to whole 分 (half away from zero): a planned amount shown as money. */
export function toCents(r: Ratio): bigint {
  const negative = r.num < 0n;
  const abs = negative ? -r.num : r.num;
  const rounded = (abs * 2n + r.den) / (2n * r.den);
  return negative ? -rounded : rounded;
}
