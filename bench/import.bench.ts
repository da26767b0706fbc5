import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SYSTEM_ACTOR } from '../src/domain/access.ts';
import type { Db } from '../src/db/database.ts';
import { generateUnits } from '../src/domain/generate/index.ts';
import type { TargetsDocument } from '../src/domain/targets.ts';
import { importMany } from '../src/usecases/import-many.ts';
import { importTargets } from '../src/usecases/import-targets.ts';
import {
  type StatementStat,
  formatHotFunctions,
  formatStatements,
  profileCpu,
  resetStatements,
  slowestStatements,
} from './lib/profile.ts';
import type { Benchmark, BenchContext, BenchResult } from './lib/types.ts';

/**
 * Import: projects stored per second through the real import path against a raw bulk load of the
 * same rows with COPY into the same tables of another fresh database (no validation, ids assigned
 * by the loader, one transaction; its timing excludes reading and JSON.parse of the files).
 * The headline is `jixiao import DIR`'s path, the one for city-scale imports (importMany: read,
 * parse, validate and store every file in one pass and one transaction, stored in batches while
 * the next batch is validated). Secondary figures: importTargets one file at a time (`jixiao import
 * FILE`, one transaction per unit) and two such importers at once. A tenth of the city's units
 * (200 × 25 = 5,000 projects at city scale). Goal: importMany ≥ 0.5 × COPY.
 */

const GOAL_RATIO = 0.5;

export const benchmark: Benchmark = {
  id: 'import',
  title: 'Import: projects/s through the bulk import path vs COPY',
  run: async (ctx) => [await runImport(ctx)],
};

interface Timings {
  manySeconds: number;
  singleSeconds: number;
  parallelSeconds: number;
  copySeconds: number;
  statements: StatementStat[];
}

async function runImport(ctx: BenchContext): Promise<BenchResult> {
  const dir = join(ctx.tmpDir, 'import-documents');
  const files = await writeDocuments(ctx, dir);
  ctx.log(`import: ${files.names.length} exchange files, ${files.projects} projects, ${files.indicators} indicators`);
  const timings = await measure(ctx, dir, files.names);
  const ratio = files.projects / timings.manySeconds / (files.projects / timings.copySeconds);
  const met = ratio >= GOAL_RATIO;
  const result: BenchResult = {
    id: 'import',
    title: benchmark.title,
    figures: {
      importManyRate: { value: round(files.projects / timings.manySeconds), unit: 'projects/s' },
      importManySeconds: { value: round(timings.manySeconds, 2), unit: 's' },
      importTargetsRate: { value: round(files.projects / timings.singleSeconds), unit: 'projects/s' },
      importTargets2ConcurrentRate: { value: round(files.projects / timings.parallelSeconds), unit: 'projects/s' },
      copySeconds: { value: round(timings.copySeconds, 2), unit: 's' },
      units: { value: files.names.length, unit: 'units' },
      projects: { value: files.projects, unit: 'projects' },
      indicators: { value: files.indicators, unit: 'indicators' },
    },
    baseline: {
      name: 'COPY of the same rows (pg-copy-streams)',
      value: round(files.projects / timings.copySeconds),
      unit: 'projects/s',
    },
    ratio: round(ratio, 3),
    goal: { description: `importMany (jixiao import DIR) ≥ ${GOAL_RATIO} × COPY (projects/s)`, met },
  };
  if (!met) {
    const profiled = await ctx.newPostgresDatabase('import_profile');
    const profile = await profileCpu(async () => importMany(profiled.db, SYSTEM_ACTOR, dir), {
      top: 12,
    });
    result.profile = [
      `CPU profile of importMany over the same files (${profile.idlePercent.toFixed(0)}% of the time the thread waited on PostgreSQL):`,
      formatHotFunctions(profile.top),
      'Slowest statements of the measured importMany run (pg_stat_statements):',
      formatStatements(timings.statements),
    ].join('\n');
    result.plan = PLAN;
  }
  return result;
}

/** Each path on a fresh database of the same server, the headline first. */
async function measure(ctx: BenchContext, dir: string, names: string[]): Promise<Timings> {
  const many = await ctx.newPostgresDatabase('import_many');
  await resetStatements(many.url);
  const manySeconds = await timed(async () => importMany(many.db, SYSTEM_ACTOR, dir));
  const statements = await slowestStatements(many.url, 8);
  ctx.log(`import: importMany ${manySeconds.toFixed(2)} s`);

  const single = await ctx.newPostgresDatabase('import_path');
  const singleSeconds = await timed(() => importFiles(single.db, dir, names));
  ctx.log(`import: importTargets one file at a time ${singleSeconds.toFixed(2)} s`);

  // Two uploads at a time (different unit-years never wait on each other): one validates while the other stores.
  const parallel = await ctx.newPostgresDatabase('import_parallel');
  const parallelSeconds = await timed(() =>
    Promise.all(
      [0, 1].map((k) =>
        importFiles(
          parallel.db,
          dir,
          names.filter((_, i) => i % 2 === k),
        ),
      ),
    ),
  );
  ctx.log(`import: importTargets × 2 concurrent ${parallelSeconds.toFixed(2)} s`);

  const copySeconds = await measureCopy(ctx, dir, names);
  ctx.log(`import: COPY ${copySeconds.toFixed(2)} s`);
  return { manySeconds, singleSeconds, parallelSeconds, copySeconds, statements };
}

async function measureCopy(ctx: BenchContext, dir: string, names: string[]): Promise<number> {
  const raw = await ctx.newPostgresDatabase('import_copy');
  const documents = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as TargetsDocument),
  );
  const client = new pg.Client({ connectionString: raw.url });
  await client.connect();
  try {
    // The loader assigns the ids itself, as a bulk load does (identity columns are GENERATED ALWAYS otherwise).
    for (const table of ['units', 'target_documents', 'projects'])
      await client.query(`alter table ${table} alter column id set generated by default`);
    return await timed(() => copyLoad(client, documents, ctx.scale.fiscalYear));
  } finally {
    await client.end();
  }
}

const PLAN = [
  'importMany reads the source once inside one transaction: each document is parsed and validated (exchange JSON is',
  'checked by zod once, not twice), and valid documents are stored in batches of ~500 projects with 4 statements per batch',
  '(lock existing unit-years; units + documents; projects with indicators and spending plans in one unnest CTE; audit',
  "rows), up to two batches in flight while the next is validated; the audit rows' jsonb is compressed with lz4 where",
  'the server has it.',
  'Validation is then ~0.3 s of the wall time; the thread waits on PostgreSQL for most of the rest: the projects',
  'statement costs the server about what COPY costs for the same rows (plus parsing the unnest arrays at bind time), and',
  'the audit entries add each whole document as jsonb (~37 KB per unit). On this shared 2-core machine the ratio moved',
  "between ~0.35 and ~0.7 from run to run. Next levers: a digest `after` in the import's audit entry instead of the",
  'whole document (a product decision on what the audit log shows; measured ~+0.1 on the ratio), and COPY into the',
  "real tables, which needs the transaction's own pg client (the Db interface does not expose it).",
].join(' ');

async function writeDocuments(
  ctx: BenchContext,
  dir: string,
): Promise<{ names: string[]; projects: number; indicators: number }> {
  await mkdir(dir, { recursive: true });
  const units = Math.max(1, Math.round(ctx.scale.units / 10));
  let projects = 0;
  let indicators = 0;
  for (const unit of generateUnits({ ...ctx.scale, units })) {
    await writeFile(join(dir, `${unit.unit.code}.json`), JSON.stringify(unit.document));
    projects += unit.document.projects.length;
    indicators += unit.document.projects.reduce((n, p) => n + p.indicators.length, 0);
  }
  return { names: (await readdir(dir)).filter((name) => name.endsWith('.json')).sort(), projects, indicators };
}

/** The real import path, one file at a time, as `jixiao import FILE` does it. */
async function importFiles(db: Db, dir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const document = JSON.parse(await readFile(join(dir, name), 'utf8')) as TargetsDocument;
    await importTargets(db, SYSTEM_ACTOR, { document, fiscalYear: document.fiscalYear ?? 2020 });
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function line(values: (string | number | null | undefined)[]): string {
  return `${values.map(field).join('\t')}\n`;
}

/** The rows of every table the import writes, as COPY text, ids assigned here. */
function copyRows(documents: TargetsDocument[], fiscalYear: number): Record<string, string[]> {
  const rows: Record<string, string[]> = {
    units: [],
    target_documents: [],
    projects: [],
    indicators: [],
    spending_checkpoints: [],
  };
  let projectId = 0;
  documents.forEach((document, index) => {
    const id = index + 1;
    rows.units!.push(line([id, document.unit.code, document.unit.name]));
    rows.target_documents!.push(line([id, id, document.fiscalYear ?? fiscalYear, JSON.stringify(document.overall)]));
    document.projects.forEach((project, position) => {
      projectId += 1;
      const { budget } = project;
      rows.projects!.push(
        line([
          projectId,
          id,
          position,
          project.code,
          project.name,
          budget.total,
          budget.fiscal,
          budget.other,
          project.purpose,
          JSON.stringify(project.goals),
        ]),
      );
      project.indicators.forEach((indicator, i) => {
        const { target } = indicator;
        rows.indicators!.push(
          line([
            projectId,
            i,
            indicator.level1,
            indicator.level2,
            indicator.name,
            indicator.description,
            target.raw,
            target.op,
            target.value,
            target.unit,
            target.min,
            target.max,
            indicator.basis,
            indicator.category,
          ]),
        );
      });
      project.spendingPlan.forEach((checkpoint, i) => {
        rows.spending_checkpoints!.push(line([projectId, i, checkpoint.month, checkpoint.cumulativePercent]));
      });
    });
  });
  return rows;
}

const COPY_COLUMNS: Record<string, string> = {
  units: 'id, code, name',
  target_documents: 'id, unit_id, fiscal_year, overall',
  projects: 'id, document_id, position, code, name, budget_total, budget_fiscal, budget_other, purpose, goals',
  indicators:
    'project_id, position, level1, level2, name, description, target_raw, target_op, target_value, target_unit, target_min, target_max, basis, category',
  spending_checkpoints: 'project_id, position, month, cumulative_percent',
};

/** The baseline: the same rows, COPY'd in one transaction, in chunks of 1,000 lines. */
async function copyLoad(client: pg.Client, documents: TargetsDocument[], fiscalYear: number): Promise<void> {
  await client.query('begin');
  const rows = copyRows(documents, fiscalYear);
  for (const [table, columns] of Object.entries(COPY_COLUMNS)) {
    const lines = rows[table]!;
    const chunks = Array.from({ length: Math.ceil(lines.length / 1000) }, (_, i) =>
      lines.slice(i * 1000, (i + 1) * 1000).join(''),
    );
    await pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${table} (${columns}) from stdin`)));
  }
  await client.query('commit');
}
