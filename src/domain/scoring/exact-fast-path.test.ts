import { describe, expect, it } from 'vitest';
import { generateUnits } from '../generate/index.ts';
import { add, compare, div, mul, RationalSum, sub, type Rational } from '../rational.ts';
import { scoreProject, type ProjectActuals } from './index.ts';

/**
 * rational.ts computes small fractions in doubles (exact below 2^53) and scoring skips a ×1
 * rescaling and sums in place. These tests hold both to the plain BigInt arithmetic they replaced:
 * the same reduced fractions, bit for bit.
 */
function reference(n: bigint, d: bigint): Rational {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  let a = abs(n);
  let b = abs(d);
  while (b !== 0n) [a, b] = [b, a % b];
  const g = a || 1n;
  const sign = d < 0n ? -1n : 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}
const refAdd = (a: Rational, b: Rational) => reference(a.n * b.d + b.n * a.d, a.d * b.d);
const refSub = (a: Rational, b: Rational) => reference(a.n * b.d - b.n * a.d, a.d * b.d);
const refMul = (a: Rational, b: Rational) => reference(a.n * b.n, a.d * b.d);
const refDiv = (a: Rational, b: Rational) => reference(a.n * b.d, a.d * b.n);

/** A deterministic stream of fractions around the fast path's edges (0, ±1, 2^26, 2^53, beyond). */
function* fractions(count: number): Generator<Rational> {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  const edges = [
    0n,
    1n,
    2n,
    7n,
    100n,
    (1n << 26n) - 1n,
    1n << 26n,
    (1n << 26n) + 1n,
    (1n << 53n) - 1n,
    1n << 53n,
    10n ** 30n + 7n,
  ];
  for (let k = 0; k < count; k++) {
    const pick = () => (next() % 3 === 0 ? edges[next() % edges.length]! : BigInt(next() % 1_000_003));
    const n = pick() * (next() % 2 === 0 ? 1n : -1n);
    const d = pick() || 1n;
    yield reference(n, d);
  }
}

describe('rational fast path', () => {
  it('add, sub, mul, div and compare agree with plain BigInt arithmetic', () => {
    const values = [...fractions(600)];
    for (let k = 0; k + 1 < values.length; k++) {
      const a = values[k]!;
      const b = values[k + 1]!;
      expect(add(a, b)).toEqual(refAdd(a, b));
      expect(sub(a, b)).toEqual(refSub(a, b));
      expect(mul(a, b)).toEqual(refMul(a, b));
      if (b.n !== 0n) expect(div(a, b)).toEqual(refDiv(a, b));
      else expect(() => div(a, b)).toThrow(RangeError);
      const diff = a.n * b.d - b.n * a.d;
      expect(compare(a, b)).toBe(diff > 0n ? 1 : diff < 0n ? -1 : 0);
    }
  });

  it('RationalSum reduces once and equals repeated addition (small, mixed and large fractions)', () => {
    const values = [...fractions(600)];
    const small = values.filter((v) => v.d < 1000n && v.n < 10n ** 6n && v.n > -(10n ** 6n));
    for (const list of [
      values,
      small,
      small.slice(0, 40),
      [],
      [
        { n: (1n << 26n) - 1n, d: 1n },
        { n: 1n, d: 1n },
        { n: 1n, d: 3n },
      ],
    ]) {
      const total = new RationalSum();
      for (const v of list) total.add(v);
      expect(total.value()).toEqual(list.reduce(refAdd, { n: 0n, d: 1n }));
    }
  });

  it('hand-checked: 185/2 + 1/3 = 557/6; 100/7 × 7/100 = 1; 2^26/3 × 3 = 2^26', () => {
    expect(add({ n: 185n, d: 2n }, { n: 1n, d: 3n })).toEqual({ n: 557n, d: 6n });
    expect(mul({ n: 100n, d: 7n }, { n: 7n, d: 100n })).toEqual({ n: 1n, d: 1n });
    expect(mul({ n: 1n << 26n, d: 3n }, { n: 3n, d: 1n })).toEqual({ n: 1n << 26n, d: 1n });
    expect(sub({ n: 1n, d: 2n }, { n: 1n, d: 2n })).toEqual({ n: 0n, d: 1n });
  });
});

describe('scoreProject over generated projects', () => {
  it('every weight, point and score is reduced and the score is the reference sum of the points', () => {
    let scored = 0;
    for (const unit of generateUnits({ units: 80, projectsPerUnit: 25, seed: 7 })) {
      const byCode = new Map((unit.actuals.projects as (ProjectActuals & { code: string })[]).map((p) => [p.code, p]));
      for (const project of unit.document.projects) {
        const score = scoreProject(project, byCode.get(project.code) ?? null);
        const parts = [score.execution.points, ...score.indicators.map((i) => i.points)].filter(
          (p): p is Rational => p !== null,
        );
        expect(score.score).toEqual(parts.reduce(refAdd, { n: 0n, d: 1n }));
        for (const value of [
          score.score,
          score.execution.weight,
          ...score.indicators.flatMap((i) => [i.weight, i.points ?? { n: 0n, d: 1n }]),
        ]) {
          expect(value).toEqual(reference(value.n, value.d));
        }
        const weights = [score.execution.weight, ...score.indicators.map((i) => i.weight)].reduce(refAdd, {
          n: 0n,
          d: 1n,
        });
        // What applies adds up to 100 (or nothing applies).
        expect([100n, 0n]).toContain(weights.n / weights.d);
        scored++;
      }
    }
    expect(scored).toBe(2000);
  });
});
