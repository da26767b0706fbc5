import type { Db } from '../../src/db/database.ts';
import type { BenchPostgres } from './postgres.ts';
import { seedIntoDatabase, type GenerateOptions } from './seed-data.ts';
import type { BenchScale } from './types.ts';

type GenerateIntoDatabase = (
  db: Db,
  options: GenerateOptions,
  onProgress?: (done: number, total: number) => void,
) => Promise<{ units: number; projects: number; indicators: number }>;

export interface CityInfo {
  /** 'generator' (src/usecases/generate-into-database.ts) or 'bench stand-in' (bench/lib/seed-data.ts). */
  source: string;
  units: number;
  projects: number;
  indicators: number;
  seconds: number;
}

/**
 * The real generator when it is there; the bench's stand-in otherwise (its absence is reported
 * in the results, not hidden). Loaded by a computed path so the bench compiles either way.
 */
async function loadGenerator(): Promise<{ source: string; generate: GenerateIntoDatabase }> {
  const path = '../../src/usecases/generate-into-database.ts';
  try {
    const module = (await import(path)) as { generateIntoDatabase?: GenerateIntoDatabase };
    if (typeof module.generateIntoDatabase === 'function')
      return { source: 'generator', generate: module.generateIntoDatabase };
  } catch (error) {
    if (!String(error).includes('Cannot find module') && !String(error).includes('ERR_MODULE_NOT_FOUND')) throw error;
  }
  return { source: 'bench stand-in (seed copies)', generate: seedIntoDatabase };
}

/** `cityDatabase()` for the context: filled once, on first use, then shared by every benchmark. */
export function cityDatabaseOnce(
  postgres: () => Promise<BenchPostgres>,
  scale: BenchScale,
  log: (line: string) => void,
) {
  let city: Promise<{ url: string; db: Db; info: CityInfo }> | undefined;
  const get = () => {
    city ??= (async () => {
      const server = await postgres();
      const { url, db } = await server.newDatabase('bench_city');
      const { source, generate } = await loadGenerator();
      log(
        `city database: ${scale.units} units × ${scale.projectsPerUnit} projects (seed ${scale.seed}, ${scale.fiscalYear}) via ${source}…`,
      );
      const started = performance.now();
      let lastReport = started;
      const summary = await generate(
        db,
        { units: scale.units, projectsPerUnit: scale.projectsPerUnit, seed: scale.seed, fiscalYear: scale.fiscalYear },
        (done, total) => {
          const now = performance.now();
          if (now - lastReport > 15_000) {
            lastReport = now;
            log(`  generated ${done}/${total} (${((now - started) / 1000).toFixed(0)} s)`);
          }
        },
      );
      const seconds = (performance.now() - started) / 1000;
      log(
        `city database ready in ${seconds.toFixed(1)} s: ${summary.units} units, ${summary.projects} projects, ${summary.indicators} indicators`,
      );
      return { url, db, info: { source, ...summary, seconds } };
    })();
    return city;
  };
  return { get, started: () => city };
}
