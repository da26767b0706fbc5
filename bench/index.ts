import type { Benchmark } from './lib/types.ts';
import { benchmark as importBench } from './import.bench.ts';
import { benchmark as reviewScoring } from './review-scoring.bench.ts';
import { benchmark as api } from './api.bench.ts';
import { benchmark as web } from './web.bench.ts';
import { benchmark as documents } from './documents.bench.ts';
import { benchmark as dashboard } from './dashboard.bench.ts';
import { benchmark as fairLoad } from './fair-load.bench.ts';
import { benchmark as cliStart } from './cli-start.bench.ts';
import { benchmark as parseLayouts } from './parse-layouts.bench.ts';

/**
 * Every benchmark `npm run bench` runs, in this order (the import benchmark first: it needs an
 * idle machine more than the others). Each lives in bench/<id>.bench.ts and exports `benchmark`.
 * Add one import and one array entry per benchmark.
 */
export const benchmarks: Benchmark[] = [
  importBench,
  reviewScoring,
  api,
  web,
  documents,
  dashboard,
  fairLoad,
  cliStart,
  parseLayouts,
];
