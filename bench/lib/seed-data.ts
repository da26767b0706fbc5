import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from '../../src/db/database.ts';
import { SYSTEM_ACTOR } from '../../src/domain/access.ts';
import { setUnitParent, upsertOrganisation } from '../../src/db/organisations.repo.ts';
import type { ProjectActuals } from '../../src/domain/scoring/index.ts';
import type { Project, TargetsDocument, TargetValue } from '../../src/domain/targets.ts';
import { importTargets } from '../../src/usecases/import-targets.ts';
import { readSeedText } from '../../src/documents/seed-text/read-seed-text.ts';

/**
 * The bench's own stand-in for the generator (src/domain/generate, src/usecases/generate-into-database.ts)
 * while that is not there: copies of the seed document's projects under new unit and project codes,
 * with actuals that read each target back. Used only when the real generator cannot be loaded.
 */

export interface GenerateOptions {
  units: number;
  projectsPerUnit: number;
  seed: number;
  fiscalYear?: number;
}

export interface SeedUnit {
  unit: { code: string; name: string };
  departmentCode: string;
  document: TargetsDocument;
  actuals: Map<string, ProjectActuals>;
}

const SEED_FILE = resolve(import.meta.dirname, '../../examples/shanhaiguan-2020.txt');
let seedDocument: TargetsDocument | undefined;

function seed(): TargetsDocument {
  // The seed file is clean UTF-8: read as `jixiao import` reads it, without the import's text cleaning.
  seedDocument ??= {
    ...readSeedText(readFileSync(SEED_FILE, 'utf8'), { fileName: 'shanhaiguan-2020.txt' }).document,
    fiscalYear: 2020,
  };
  return seedDocument;
}

const UNITS_PER_DEPARTMENT = 20;

function unitCode(index: number): string {
  return `C${String(index + 1).padStart(5, '0')}`;
}

/** Deterministic copies of the seed: unit i, project j is the seed's project (i + j) mod n. */
export function* seedUnits(options: GenerateOptions): Iterable<SeedUnit> {
  const base = seed();
  for (let i = 0; i < options.units; i++) {
    const code = unitCode(i);
    const projects: Project[] = [];
    const actuals = new Map<string, ProjectActuals>();
    for (let j = 0; j < options.projectsPerUnit; j++) {
      const source = base.projects[(i + j + options.seed) % base.projects.length]!;
      const project: Project = structuredClone({ ...source, code: `${code}-P${String(j + 1).padStart(3, '0')}` });
      projects.push(project);
      actuals.set(project.code, actualsFor(project));
    }
    yield {
      unit: { code, name: `城市样本单位${i + 1}` },
      departmentCode: `D${String(Math.floor(i / UNITS_PER_DEPARTMENT) + 1).padStart(4, '0')}`,
      document: {
        ...structuredClone(base),
        fiscalYear: options.fiscalYear ?? 2020,
        unit: { code, name: `城市样本单位${i + 1}` },
        projects,
      },
      actuals,
    };
  }
}

/** Year-end figures that meet every target: what a diligent unit reports. */
export function actualsFor(project: Project): ProjectActuals {
  return {
    adjustedBudget: project.budget.total,
    spent: project.budget.total,
    indicators: project.indicators.map((indicator) => ({ name: indicator.name, actual: actualFor(indicator.target) })),
  };
}

/** A reading that meets the target: its number with its unit, or 达到 for a qualitative one. */
function actualFor(target: TargetValue): string {
  const value = target.op === 'range' ? target.min : target.value;
  if (target.op === null || value === undefined || value === null) return '达到';
  return `${value}${target.unit ?? ''}`;
}

/** Stores the copies through the real import path and builds bureau CITY-CZJ → departments → units. */
export async function seedIntoDatabase(
  db: Db,
  options: GenerateOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<{ units: number; projects: number; indicators: number }> {
  const fiscalYear = options.fiscalYear ?? 2020;
  await upsertOrganisation(db.kysely, { code: 'CITY-CZJ', name: '城市财政局', kind: 'bureau', parentCode: null });
  const departments = new Map<string, number>();
  let projects = 0;
  let indicators = 0;
  let done = 0;
  for (const unit of seedUnits(options)) {
    const result = await importTargets(db, SYSTEM_ACTOR, { document: unit.document, fiscalYear });
    let department = departments.get(unit.departmentCode);
    if (department === undefined) {
      department = await upsertOrganisation(db.kysely, {
        code: unit.departmentCode,
        name: `部门${unit.departmentCode}`,
        kind: 'department',
        parentCode: 'CITY-CZJ',
      });
      departments.set(unit.departmentCode, department);
    }
    await setUnitParent(db.kysely, unit.unit.code, department);
    projects += result.projects;
    indicators += result.indicators;
    onProgress?.(++done, options.units);
  }
  return { units: options.units, projects, indicators };
}
