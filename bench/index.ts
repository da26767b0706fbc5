import type { Benchmark } from './lib/types.ts';

/**
 * Every benchmark `npm run bench` runs, in this order (the import benchmark first: it needs an
 * idle machine more than the others). Each lives in bench/<id>.bench.ts and exports `benchmark`.
 * Add one import and one array entry per benchmark.
 */
export const benchmarks: Benchmark[] = [
];
