/**
 * Exact fractions of bigints, shared by monitoring (rates, planned shares of a budget in 分) and
 * scoring (sums of products and quotients of decimal inputs like 92.5). In floats 8.335 would
 * round the wrong way; here everything stays exact until it is rounded once, for output.
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

/** "60", "33.5", 12.25: decimal notation read exactly (a JS number through its shortest decimal form). */
export function fromDecimal(value: string | number): Rational {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const n = BigInt(whole! + fraction) * (sign ? -1n : 1n);
  return rational(n, 10n ** BigInt(fraction.length));
}

/*
 * Fast path: scores and rates are built from small fractions (92.5 = 185/2, 100/7 points). When
 * every part is below 2^26 in magnitude, products stay below 2^52 and sums below 2^53, so doubles
 * compute them exactly; the result is reduced the same way, so it is the same Rational.
 */
const SMALL = 1n << 26n;
const isSmall = (x: bigint): boolean => x < SMALL && x > -SMALL;
const bothSmall = (a: Rational, b: Rational): boolean => isSmall(a.n) && a.d < SMALL && isSmall(b.n) && b.d < SMALL;

/** n/d reduced, for exact integers n and d ≠ 0 in doubles (|n|, |d| < 2^53). */
function reducedSmall(n: number, d: number): Rational {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  let x = n < 0 ? -n : n;
  let y = d;
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  const g = x || 1;
  return { n: BigInt(n / g), d: BigInt(d / g) };
}

/**
 * Adds many fractions and reduces once, at the end: the same Rational as repeated `add`. While the
 * running numerator and the common denominator stay below 2^26 it works in doubles (every product
 * below 2^52, every sum below 2^53: exact); past that it carries on in BigInt.
 */
export class RationalSum {
  private n = 0;
  private d = 1;
  private big: Rational | null = null;

  add(value: Rational): this {
    if (this.big === null && isSmall(value.n) && value.d < SMALL) {
      const p = Number(value.n);
      const q = Number(value.d);
      const common = q === this.d || this.d % q === 0 ? this.d : q % this.d === 0 ? q : this.d * q;
      if (common < SMALL_NUMBER) {
        const n = this.n * (common / this.d) + p * (common / q);
        if (n < SMALL_NUMBER && n > -SMALL_NUMBER) {
          this.n = n;
          this.d = common;
          return this;
        }
        this.big = add(reducedSmall(n, common), ZERO);
        return this;
      }
    }
    this.big = add(this.big ?? reducedSmall(this.n, this.d), value);
    return this;
  }

  value(): Rational {
    return this.big ?? reducedSmall(this.n, this.d);
  }
}

const SMALL_NUMBER = 2 ** 26;

export const add = (a: Rational, b: Rational): Rational =>
  bothSmall(a, b)
    ? reducedSmall(Number(a.n) * Number(b.d) + Number(b.n) * Number(a.d), Number(a.d) * Number(b.d))
    : rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational =>
  bothSmall(a, b)
    ? reducedSmall(Number(a.n) * Number(b.d) - Number(b.n) * Number(a.d), Number(a.d) * Number(b.d))
    : rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational =>
  bothSmall(a, b) ? reducedSmall(Number(a.n) * Number(b.n), Number(a.d) * Number(b.d)) : rational(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => {
  if (b.n === 0n) throw new RangeError('division by zero');
  return bothSmall(a, b)
    ? reducedSmall(Number(a.n) * Number(b.d), Number(a.d) * Number(b.n))
    : rational(a.n * b.d, a.d * b.n);
};
export const compare = (a: Rational, b: Rational): number => {
  if (a.d === b.d) return a.n > b.n ? 1 : a.n < b.n ? -1 : 0;
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left > right ? 1 : left < right ? -1 : 0;
};
export const min = (a: Rational, b: Rational): Rational => (compare(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);
export const isZero = (a: Rational): boolean => a.n === 0n;
export const absolute = (a: Rational): Rational => ({ n: abs(a.n), d: a.d });
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);

/** Rounds half away from zero (四舍五入) to `digits` decimals: "66.67". */
export function toFixed(value: Rational, digits = 2): string {
  const scale = 10n ** BigInt(digits);
  const scaled = (abs(value.n) * scale * 2n + value.d) / (2n * value.d);
  const whole = (scaled / scale).toString();
  const fraction = digits > 0 ? `.${(scaled % scale).toString().padStart(digits, '0')}` : '';
  return `${value.n < 0n && scaled !== 0n ? '-' : ''}${whole}${fraction}`;
}

/** Two decimals as a JS number, for JSON output (the rounding has already happened exactly). */
export function toFixed2(value: Rational): number {
  return Number(toFixed(value, 2));
}

/** Rounds to whole 分 (half away from zero): a planned amount shown as money. */
export function toCents(value: Rational): bigint {
  const rounded = (abs(value.n) * 2n + value.d) / (2n * value.d);
  return value.n < 0n ? -rounded : rounded;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Below 2^53 the gcd is exact in doubles, and a loop of numbers costs far less than one of bigints. */
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const r = x % y;
      x = y;
      y = r;
    }
    return BigInt(x);
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** 1e-7 prints as "1e-7"; indicator values never need exponent form, but be safe. */
function numberToPlainString(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}
