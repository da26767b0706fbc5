import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.ts';

describe('BoundedCache', () => {
  it('computes a value once and returns the remembered one after', () => {
    const cache = new BoundedCache<string, number>(10);
    let calls = 0;
    const length = (text: string) => {
      calls++;
      return text.length;
    };
    expect(cache.remember('劳模体检', length)).toBe(4);
    expect(cache.remember('劳模体检', length)).toBe(4);
    expect(calls).toBe(1);
  });

  it('holds at most two generations, and keeps what is still read across a turnover', () => {
    const cache = new BoundedCache<number, number>(3);
    for (let k = 0; k < 3; k++) cache.set(k, k * 10);
    cache.set(3, 30); // young full: 0..2 become old
    expect(cache.get(0)).toBe(0); // read from the old generation: moved to the young one
    for (let k = 4; k < 7; k++) cache.set(k, k * 10); // two more turnovers drop 1 and 2
    expect(cache.get(1)).toBeUndefined();
    expect(cache.get(2)).toBeUndefined();
    expect(cache.size).toBeLessThanOrEqual(6);
    for (let k = 0; k < 1000; k++) cache.set(k + 100, k);
    expect(cache.size).toBeLessThanOrEqual(6);
  });
});
