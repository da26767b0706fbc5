import { TARGETS_FORMAT, type MeasureSection, type OverallGoal, type TargetsDocument, type Unit } from '../targets.ts';
import type { WorkflowState } from '../workflow/states.ts';
import {
  CITY,
  DEPARTMENTS,
  DISTRICTS,
  MEASURE_HEADINGS,
  MEASURE_ITEMS,
  OVERALL_GOALS,
  SECTOR_THEMES,
  type Sector,
  UNIT_TEMPLATES,
  chineseNumber,
} from './pools.ts';
import { DEFECT_RATES, generateProject, missingTargets, type ProjectDefects } from './project.ts';
import { derive, mix32, type Rng } from './prng.ts';
import { generateProjectYear, type ProgressEntry, type ProjectActualsEntry, type SpendingEntry } from './year.ts';

export { BUREAU } from './pools.ts';
export { DEFECT_RATES, type ProjectDefects } from './project.ts';
export type { ProgressEntry, ProjectActualsEntry, SpendingEntry } from './year.ts';

/**
 * A deterministic, lazily generated city: bureau CITY-CZJ → departments (801, 802, …, 50 units
 * each) → units (801001, …), each with a year of targets, monitoring, year-end actuals and a
 * workflow state. Pure: no I/O, no clock, no Math.random. Unit i is generated from a stream
 * derived from (seed, i) alone, so any unit can be produced without the ones before it.
 */
export interface GenerateOptions {
  units: number;
  projectsPerUnit: number;
  seed: number;
  fiscalYear?: number;
}

export interface GeneratedDepartment {
  code: string;
  name: string;
  sector: Sector;
}

export interface GeneratedUnit {
  index: number;
  unit: Unit;
  departmentCode: string;
  fiscalYear: number;
  /** jixiao/targets@1, already in normal form (what import stores and getTargets returns). */
  document: TargetsDocument;
  workflowState: WorkflowState;
  monitoring: { monthsRecorded: number; spending: SpendingEntry[]; progress: ProgressEntry[] };
  /** jixiao/actuals@1: what `jixiao score --actuals` reads. */
  actuals: { format: 'jixiao/actuals@1'; unit: string; fiscalYear: number; projects: ProjectActualsEntry[] };
  /** The stored 自评: null while the year is still running (fewer than 12 months reported). */
  evaluationStatus: 'draft' | 'final' | null;
  /** What was planted in each project (same order as document.projects), for tests. */
  projectDefects: ProjectDefects[];
  /** What was planted, counted, for tests and the summary. */
  defects: {
    pastedGoals: number;
    blankCheckpoints: number;
    effectSynonyms: number;
    missingTargets: number;
    tocCodes: number;
    offCosts: number;
  };
}

const UNITS_PER_DEPARTMENT = 50;
export const DEFAULT_FISCAL_YEAR = 2020;
const STREAM_UNIT = 1;

function departmentCount(units: number): number {
  return Math.ceil(units / UNITS_PER_DEPARTMENT);
}

/** Department d (0-based): code 801 + d; which department name depends on the seed. */
function departmentAt(seed: number, d: number): GeneratedDepartment {
  const offset = mix32(seed) % DEPARTMENTS.length;
  const [name, sector] = DEPARTMENTS[(d + offset) % DEPARTMENTS.length]!;
  const round = Math.floor(d / DEPARTMENTS.length);
  return { code: String(801 + d), name: `${CITY}${name}${round > 0 ? `（${chineseNumber(round + 1)}）` : ''}`, sector };
}

export function departmentsFor(options: Pick<GenerateOptions, 'units' | 'seed'>): GeneratedDepartment[] {
  return Array.from({ length: departmentCount(options.units) }, (_, d) => departmentAt(options.seed, d));
}

/** Unit i: the s-th (1-based) unit of department floor(i / 50); the first is the department's own office. */
function unitAt(seed: number, index: number): { unit: Unit; department: GeneratedDepartment } {
  const department = departmentAt(seed, Math.floor(index / UNITS_PER_DEPARTMENT));
  const s = (index % UNITS_PER_DEPARTMENT) + 1;
  const code = `${department.code}${String(s).padStart(3, '0')}`;
  if (s === 1) return { unit: { code, name: `${department.name}机关` }, department };
  const templates = UNIT_TEMPLATES[department.sector];
  const k = s - 2;
  const template = templates[k % templates.length]!;
  const district = DISTRICTS[Math.floor(k / templates.length) % DISTRICTS.length]!;
  const name = `${CITY}${template.replace('{d}', district).replace('{n}', chineseNumber(Math.floor(k / templates.length) + 1))}`;
  return { unit: { code, name }, department };
}

function pickState(rng: Rng): WorkflowState {
  const roll = rng.next();
  if (roll < 0.1) return 'draft';
  if (roll < 0.25) return 'submitted';
  if (roll < 0.35) return 'department-reviewed';
  if (roll < 0.4) return 'returned';
  if (roll < 0.95) return 'approved';
  return 'adjusting';
}

function overallTargets(rng: Rng, sector: Sector, toc: boolean): { goals: OverallGoal[]; measures: MeasureSection[] } {
  const sectorGoals = SECTOR_THEMES[sector].map((theme) => `做好${theme.name}工作`);
  const titles = rng.sample([...rng.sample(OVERALL_GOALS, 3), ...rng.sample(sectorGoals, 3)], rng.int(3, 6));
  const goals = titles.map((title, i) => {
    // Most department goals carry a number, as the seed's do ("参赛职工不少于2000人").
    const quantity = rng.chance(0.7) ? `，年度任务完成率达到${rng.pick([90, 95, 100])}%以上` : '';
    return {
      seq: i + 1,
      title: `${title}。`,
      detail: `${title}。${rng.pick(SECTOR_THEMES[sector]).goal}${quantity}。${rng.pick(MEASURE_ITEMS)}`,
    };
  });
  const measures = rng.sample(MEASURE_HEADINGS, rng.int(2, 3)).map((heading, s) => ({
    heading: `${chineseNumber(s + 1)}、${heading}${toc && s === 0 ? ' TC 工作保障措施 \\f A \\l 1' : ''}`,
    items: rng.sample(MEASURE_ITEMS, rng.int(1, 3)).map((text, i) => ({ label: `（${chineseNumber(i + 1)}）`, text })),
  }));
  return { goals, measures };
}

/** One unit, from (seed, index) alone. */
export function generateUnit(options: GenerateOptions, index: number): GeneratedUnit {
  const fiscalYear = options.fiscalYear ?? DEFAULT_FISCAL_YEAR;
  const rng = derive(options.seed, index, STREAM_UNIT);
  const { unit, department } = unitAt(options.seed, index);
  const tocCodes = rng.chance(DEFECT_RATES.tocCodes);
  const workflowState = pickState(rng);
  const monthsRecorded = rng.chance(0.75) ? 12 : rng.int(6, 11);
  const evaluationStatus = monthsRecorded < 12 ? null : rng.chance(0.85) ? 'final' : 'draft';
  const overall = overallTargets(rng, department.sector, tocCodes);
  const context = {
    seed: options.seed,
    sector: department.sector,
    departmentCode: department.code,
    fiscalYear,
    usedNames: new Set<string>(),
    usedCodes: new Set<string>(),
  };
  const defects = {
    pastedGoals: 0,
    blankCheckpoints: 0,
    effectSynonyms: 0,
    missingTargets: 0,
    tocCodes: tocCodes ? 1 : 0,
    offCosts: 0,
  };
  const projects = [];
  const projectDefects: ProjectDefects[] = [];
  const spending: SpendingEntry[] = [];
  const progress: ProgressEntry[] = [];
  const actuals: ProjectActualsEntry[] = [];
  for (let p = 0; p < options.projectsPerUnit; p += 1) {
    const generated = generateProject(rng, context);
    const year = generateProjectYear(rng, generated.project, generated, monthsRecorded);
    projects.push(generated.project);
    projectDefects.push(generated.defects);
    spending.push(...year.spending);
    progress.push(...year.progress);
    actuals.push(year.actuals);
    defects.pastedGoals += generated.defects.pastedGoal ? 1 : 0;
    defects.blankCheckpoints += generated.defects.blankCheckpoint ? 1 : 0;
    defects.effectSynonyms += generated.defects.effectSynonym ? 1 : 0;
    defects.offCosts += generated.defects.offCost ? 1 : 0;
    defects.missingTargets += missingTargets(generated.project);
  }
  const document: TargetsDocument = { format: TARGETS_FORMAT, unit, fiscalYear, overall, projects };
  return {
    index,
    unit,
    departmentCode: department.code,
    fiscalYear,
    document,
    workflowState,
    monitoring: { monthsRecorded, spending, progress },
    actuals: { format: 'jixiao/actuals@1', unit: unit.code, fiscalYear, projects: actuals },
    evaluationStatus,
    projectDefects,
    defects,
  };
}

/** Units 0..N-1, one at a time: memory stays flat in N. */
export function* generateUnits(options: GenerateOptions): Generator<GeneratedUnit> {
  for (let index = 0; index < options.units; index += 1) yield generateUnit(options, index);
}
