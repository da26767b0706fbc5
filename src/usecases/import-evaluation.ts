import { prepareTargets } from '../contract/prepare-targets.ts';
import type { Db } from '../db/database.ts';
import { findDocument } from '../db/documents.repo.ts';
import { loadProjects } from '../db/projects.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import type { ImportNote } from '../domain/import-note.ts';
import type { EvaluatedIndicator, EvaluationDocument, ProjectEvaluation } from '../domain/table-documents.ts';
import type { Project, TargetsDocument, Unit } from '../domain/targets.ts';
import { foldName, matchStatedProject } from '../domain/unit-match.ts';
import type { UploadInput } from './prepare-upload.ts';
import { resolveStatedUnit } from './resolve-stated-unit.ts';
import { type StoreEvaluationInput, storeEvaluation } from './store-evaluation.ts';
import { storeTargets } from './store-targets.ts';

export interface ImportEvaluationResult {
  unitCode: string;
  fiscalYear: number;
  /** The unit-year had no targets: they were created from the 自评表. */
  createdTargets: boolean;
  projects: number;
  indicators: number;
  /** The unit's mean self-evaluation score as Jixiao computes it (null while data is missing). */
  meanScore: number | null;
  notes: ImportNote[];
}

/**
 * Stores a 项目支出绩效自评表 (jixiao/evaluation@1, read from any layout) as the unit-year's self-evaluation: each
 * indicator's 实际完成值, 偏差原因 and 分值, through the 自评 path's own checks (storeEvaluation). When the unit-year
 * has no targets yet they are created from the same tables (projects, 年初预算数, goals, indicators), in the same
 * transaction: all or nothing. A project without 项目编码 is matched to the stored project of the same name.
 * The 自评表's 全年预算数 and 全年执行数 are not stored: Jixiao takes them from monitoring (budget adjustments, spending).
 */
export async function importEvaluation(
  db: Db,
  actor: Actor,
  input: UploadInput,
  document: EvaluationDocument,
  notes: ImportNote[],
): Promise<ImportEvaluationResult> {
  const fiscalYear = document.fiscalYear;
  if (fiscalYear === undefined) {
    throw new AppError('USAGE', `文件未写明年度，请用 --year 指定（${input.fileName}）`, {
      location: { file: input.fileName },
    });
  }
  const resolved = await resolveStatedUnit(db, document.unit, input);
  const unit = resolved.unit;
  return inTransaction(db, async (trx) => {
    const stored = await storedProjects(trx, unit.code, fiscalYear);
    if (stored === null) {
      const targets = prepareTargets({ document: targetsFrom(document, unit, fiscalYear), fiscalYear });
      await storeTargets(trx, actor, targets);
    }
    const projects = document.projects.map((project, p) =>
      evaluationOf(project, codeOf(project, p, stored, input.fileName)),
    );
    const key = { unitCode: unit.code, fiscalYear };
    const evaluation = await storeEvaluation(trx, actor, { ...key, projects }).catch(async (error: unknown) => {
      // The form's own 分值 may not fit the 10号 category points (a category overflows): score by the policy's.
      if (!(error instanceof AppError) || error.location?.path?.at(-1) !== 'weight') throw error;
      notes.push({ line: 0, code: 'evaluation-weights-ignored', message: `${error.message}：按评分规则的分值计分` });
      return storeEvaluation(trx, actor, { ...key, projects: projects.map(withoutWeights) });
    });
    return {
      unitCode: unit.code,
      fiscalYear,
      createdTargets: stored === null,
      projects: document.projects.length,
      indicators: document.projects.reduce((sum, project) => sum + project.indicators.length, 0),
      meanScore: evaluation.meanScore,
      notes: [...notes, ...resolved.notes],
    };
  });
}

async function storedProjects(trx: Executor, unitCode: string, fiscalYear: number): Promise<Project[] | null> {
  const stored = await findDocument(trx, unitCode, fiscalYear);
  return stored ? (await loadProjects(trx, stored.id)).map(({ project }) => project) : null;
}

/** The stored project a 自评表 project is: the same code, or (for a key derived from the name) the same name. */
function codeOf(project: ProjectEvaluation, index: number, stored: Project[] | null, file: string): string {
  if (stored === null) return project.code;
  const match = matchStatedProject(project, stored);
  if (match) return match.code;
  throw new AppError('VALIDATION', `自评表中的项目“${project.name}”（${project.code}）不在已存的绩效目标中`, {
    location: { file, path: ['projects', index] },
  });
}

function evaluationOf(project: ProjectEvaluation, code: string): StoreEvaluationInput['projects'][number] {
  return {
    code,
    indicators: project.indicators.map((indicator) => {
      const weight = indicator.weight === undefined ? NaN : Number(indicator.weight);
      return {
        name: indicator.name,
        actual: qualitativeActual(indicator),
        ...(indicator.deviationReason === null ? {} : { deviationReason: indicator.deviationReason }),
        ...(Number.isFinite(weight) && weight >= 0 && weight <= 100 ? { weight } : {}),
      };
    }),
  };
}

function withoutWeights(project: StoreEvaluationInput['projects'][number]): StoreEvaluationInput['projects'][number] {
  return { ...project, indicators: project.indicators.map(({ weight: _w, ...indicator }) => indicator) };
}

/**
 * 自评表s often repeat a qualitative target as its result ("明显改善" for "明显改善"): that is the target met, which
 * the 自评 rules spell 达到. Any other text is kept as written (and checked by the 自评 rules).
 */
function qualitativeActual(indicator: EvaluatedIndicator): string | null {
  const { actual, target } = indicator;
  const qualitative = target.op === null && target.value === null;
  const same = actual !== null && foldName(actual) === foldName(target.raw);
  return qualitative && same ? '达到' : actual;
}

/** The targets a 自评表 states: projects with their 年初预算数, goals and indicators (without the results). */
function targetsFrom(document: EvaluationDocument, unit: Unit, fiscalYear: number): TargetsDocument {
  return {
    format: 'jixiao/targets@1',
    unit,
    fiscalYear,
    overall: { goals: [], measures: [] },
    projects: document.projects.map((project) => ({
      code: project.code,
      ...(project.derivedCode ? { derivedCode: true } : {}),
      name: project.name,
      budget: {
        total: project.execution.planned ?? project.execution.adjusted,
        fiscal: project.execution.fiscal?.planned ?? null,
        other: project.execution.other?.planned ?? null,
      },
      purpose: '',
      spendingPlan: [],
      goals: project.goals,
      indicators: project.indicators.map(({ actual: _a, score: _s, deviationReason: _d, ...indicator }) => indicator),
      ...(project.details ? { details: project.details } : {}),
    })),
  };
}
