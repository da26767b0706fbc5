/**
 * A small seeded PRNG (mulberry32) for the data generator. Never Math.random: the same seed must
 * give the same city. Each unit gets its own stream derived from (seed, index), so unit i can be
 * produced without generating units 0..i-1.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** k distinct items, in random order (k is capped at items.length). */
  sample<T>(items: readonly T[], k: number): T[];
}

/** A 32-bit avalanche mix (splitmix32's finaliser): nearby inputs give unrelated outputs. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The stream for one purpose of one item: derive(seed, unitIndex, STREAM_…). */
export function derive(...parts: number[]): Rng {
  let state = 0x6a09e667;
  for (const part of parts) state = mix32(state ^ mix32(part | 0));
  return mulberry32(state);
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
    sample: <T>(items: readonly T[], k: number): T[] => {
      const copy = [...items];
      const count = Math.min(k, copy.length);
      for (let i = 0; i < count; i += 1) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, count);
    },
  };
}
