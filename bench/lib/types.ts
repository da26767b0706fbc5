import type { Db } from '../../src/db/database.ts';

/**
 * The contract between the bench runner (bench/run.ts) and each benchmark (bench/<id>.bench.ts).
 * Every goal is a ratio against a baseline measured in the same run on the same machine, or an
 * absolute bound the issue names; figures are committed (bench/results/latest.json,
 * docs/performance.md), never asserted in tests.
 */

export interface BenchScale {
  units: number;
  projectsPerUnit: number;
  seed: number;
  fiscalYear: number;
}

export interface BenchContext {
  /** City scale (2,000 × 25) unless `npm run bench -- --scale small` (for a quick check). */
  scale: BenchScale;
  /** A throwaway PostgreSQL 15 server started once for the run; each call makes a new empty database. */
  newPostgresDatabase(name: string): Promise<{ url: string; db: Db }>;
  /** The city-scale database on PostgreSQL, filled once per run by the generator (targets through the import path, monitoring and evaluation data). */
  cityDatabase(): Promise<{ url: string; db: Db }>;
  /** A scratch directory removed after the run. */
  tmpDir: string;
  log(line: string): void;
}

export interface Figure {
  value: number;
  unit: string;
}

export interface BenchResult {
  /** Stable id, e.g. 'import', 'api.project-table'. */
  id: string;
  title: string;
  figures: Record<string, Figure>;
  /** The baseline measured in the same run, when the goal is a ratio. */
  baseline?: { name: string } & Figure;
  /** measured / baseline (higher is better for throughput). */
  ratio?: number;
  goal: { description: string; met: boolean };
  /** Where the time went, printed and recorded when the goal is missed (profile top frames, slowest queries). */
  profile?: string;
  /** Why a missed goal is missed and what would close the gap. */
  plan?: string;
}

export interface Benchmark {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
