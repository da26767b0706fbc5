import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarks } from './index.ts';
import { cityDatabaseOnce } from './lib/city.ts';
import { machineInfo } from './lib/machine.ts';
import { startBenchPostgres, type BenchPostgres } from './lib/postgres.ts';
import { performanceMarkdown, resultTable, type BenchRun } from './lib/report.ts';
import type { BenchContext, BenchResult, BenchScale } from './lib/types.ts';

/**
 * `npm run bench [-- --only id,id] [-- --scale city|small]`: one throwaway PostgreSQL 15 for the
 * run, the city database filled once on first use, every benchmark of bench/index.ts in order.
 * A full city run writes bench/results/latest.json and docs/performance.md; a partial run (--only
 * or --scale small) writes its JSON to the temp dir instead, so it never replaces the committed figures.
 */

const REPO = resolve(import.meta.dirname, '..');
const SCALES: Record<string, BenchScale> = {
  city: { units: 2000, projectsPerUnit: 25, seed: 1, fiscalYear: 2020 },
  small: { units: 100, projectsPerUnit: 10, seed: 1, fiscalYear: 2020 },
};

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, scale: { type: 'string', default: 'city' } },
});
const scaleName = args.scale ?? 'city';
const scale = SCALES[scaleName];
if (!scale) throw new Error(`--scale ${scaleName}: expected city or small`);
const only = args.only
  ?.split(',')
  .map((id) => id.trim())
  .filter(Boolean);
const unknown = only?.filter((id) => !benchmarks.some((b) => b.id === id)) ?? [];
if (unknown.length)
  throw new Error(`--only ${unknown.join(',')}: no such benchmark (known: ${benchmarks.map((b) => b.id).join(', ')})`);
const selected = only ? benchmarks.filter((b) => only.includes(b.id)) : benchmarks;
const partial = only !== undefined || scaleName !== 'city';

const runStart = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - runStart) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const phases: BenchRun['phases'] = [];
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    phases.push({ name, seconds });
    log(`phase ${name}: ${seconds.toFixed(1)} s`);
  }
}

const tmpDir = await mkdtemp(join(tmpdir(), 'jixiao-bench-'));
let server: Promise<BenchPostgres> | undefined;
const postgres = () => (server ??= phase('postgres start', () => startBenchPostgres(tmpDir)));
const city = cityDatabaseOnce(postgres, scale, log);
let databases = 0;

let cleaned = false;
async function cleanUp(): Promise<void> {
  if (cleaned) return;
  cleaned = true;
  const started = performance.now();
  const open = await city.started()?.catch(() => undefined);
  await open?.db.close().catch(() => {});
  const running = await server?.catch(() => undefined);
  await running?.stop().catch((error: unknown) => console.error(`could not stop PostgreSQL: ${String(error)}`));
  await rm(tmpDir, { recursive: true, force: true });
  phases.push({ name: 'clean up', seconds: (performance.now() - started) / 1000 });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping PostgreSQL and removing ${tmpDir}`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// The city is filled once, inside the first benchmark that asks (its phase includes the filling).
let cityFilled: ReturnType<BenchContext['cityDatabase']> | undefined;
const context: BenchContext = {
  scale,
  tmpDir,
  log,
  newPostgresDatabase: async (name) => (await postgres()).newDatabase(`bench_${++databases}_${name}`),
  cityDatabase: () => (cityFilled ??= phase('city database', city.get).then(({ url, db }) => ({ url, db }))),
};

const startedAt = new Date();
const results: BenchResult[] = [];
const failures: BenchRun['failures'] = [];
let exitCode = 0;
try {
  log(`bench: ${selected.map((b) => b.id).join(', ') || '(none registered)'} at scale ${scaleName}; scratch ${tmpDir}`);
  for (const benchmark of selected) {
    log(`── ${benchmark.id}: ${benchmark.title}`);
    try {
      const produced = await phase(`bench ${benchmark.id}`, () => benchmark.run(context));
      for (const result of produced) {
        results.push(result);
        log(`${result.id}: goal ${result.goal.met ? 'met' : 'MISSED'} (${result.goal.description})`);
        if (!result.goal.met && result.profile) console.log(result.profile);
      }
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ id: benchmark.id, error: text });
      log(`${benchmark.id} FAILED: ${text}`);
    }
  }
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  const postgresVersion = (await server?.catch(() => undefined))?.version ?? 'not started';
  const cityInfo = (await city.started()?.catch(() => undefined))?.info ?? null;
  await cleanUp();
  const finishedAt = new Date();
  const run: BenchRun = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    scaleName,
    scale,
    machine: machineInfo(postgresVersion),
    city: cityInfo,
    phases,
    results,
    failures,
  };
  console.log(`\n${resultTable(results, failures)}\n`);
  console.log('phases:');
  for (const p of phases) console.log(`  ${p.name.padEnd(28)} ${p.seconds.toFixed(1).padStart(7)} s`);
  console.log(
    `  ${'total'.padEnd(28)} ${run.durationSeconds.toFixed(1).padStart(7)} s (budget 600 s: ${run.durationSeconds <= 600 ? 'met' : 'MISSED'})`,
  );
  if (partial) {
    const file = join(tmpdir(), 'jixiao-bench-partial.json');
    await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
    console.log(
      `partial run (--only or --scale small): results in ${file}; bench/results/latest.json and docs/performance.md untouched`,
    );
  } else {
    await mkdir(join(REPO, 'bench/results'), { recursive: true });
    await writeFile(join(REPO, 'bench/results/latest.json'), `${JSON.stringify(run, null, 2)}\n`);
    await writeFile(join(REPO, 'docs/performance.md'), performanceMarkdown(run));
    console.log('wrote bench/results/latest.json and docs/performance.md');
  }
  if (failures.length) exitCode = 1;
}
process.exit(exitCode);
