import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildNode } from '../test/build-node.ts';
import type { Benchmark, BenchResult } from './lib/types.ts';
import { median } from './lib/stats.ts';

/**
 * Cold start of the compiled CLI (issue 14): `jixiao --version` and `jixiao --help` against a bare
 * `node -e 0` on the same machine, each the median of RUNS fresh processes, the three interleaved
 * round by round so that a busy moment slows all three alike. Needs no database; dist/ is brought up
 * to date first (tsc -b, a no-op when nothing changed).
 */

const REPO_ROOT = resolve(import.meta.dirname, '..');
const BIN = resolve(REPO_ROOT, 'bin/jixiao.js');
const RUNS = 20;
const GOAL_RATIO = 4;

const CASES = {
  node: ['-e', '0'],
  version: [BIN, '--version'],
  help: [BIN, '--help'],
} as const;

function startMs(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr.toString()}`);
  return ms;
}

export const benchmark: Benchmark = {
  id: 'cli-start',
  title: 'CLI cold start (compiled)',
  async run(ctx): Promise<BenchResult[]> {
    await buildNode();
    const times: Record<keyof typeof CASES, number[]> = { node: [], version: [], help: [] };
    // One unmeasured round warms the file system cache for node, the bin and dist/.
    for (const args of Object.values(CASES)) startMs(args);
    for (let round = 0; round < RUNS; round += 1) {
      for (const [name, args] of Object.entries(CASES)) times[name as keyof typeof CASES].push(startMs(args));
    }
    const baseline = median(times.node);
    ctx.log(`cli-start: median of ${RUNS}: node -e 0 ${baseline.toFixed(0)} ms`);
    return (['version', 'help'] as const).map((name) => {
      const measured = median(times[name]);
      const ratio = measured / baseline;
      return {
        id: `cli-start.${name}`,
        title: `jixiao --${name} cold start`,
        figures: {
          [`jixiao --${name}`]: { value: measured, unit: 'ms' },
          fastest: { value: Math.min(...times[name]), unit: 'ms' },
          runs: { value: RUNS, unit: 'processes' },
        },
        baseline: { name: 'node -e 0', value: baseline, unit: 'ms' },
        ratio,
        goal: { description: `median start within ${GOAL_RATIO}× of node -e 0`, met: ratio <= GOAL_RATIO },
      };
    });
  },
};
