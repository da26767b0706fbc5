import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import type { RecognisedTable } from '../documents/layouts/reading.ts';
import { AppError } from '../domain/errors.ts';
import type { ImportNote } from '../domain/import-note.ts';
import type { MonitoringDocument } from '../domain/table-documents.ts';
import type { Unit } from '../domain/targets.ts';
import { type ParsedDocument, parseDocumentFile } from './parse-document.ts';
import type { ParsedTargets } from './parse-targets.ts';
import { type MonitoringPlan, previewMonitoring } from './import-monitoring.ts';
import { type PreparedUpload, type UploadInput, prepareParsedUpload } from './prepare-upload.ts';
import { resolveStatedUnit } from './resolve-stated-unit.ts';

/** What `jixiao import --dry-run` prints: what an import would store, and how the file was read. */
export interface ImportPlan {
  kind: 'targets' | 'evaluation' | 'monitoring';
  unit: Unit;
  unitMatch: PreparedUpload['unitMatch'];
  fiscalYear: number;
  projects: number;
  indicators: number;
  /** Projects whose 项目编码 was derived from the name (the document states none): code and name. */
  derivedKeys: { code: string; name: string }[];
  /** The unit-year has targets: a targets import replaces them whole; a 自评表 is checked against them. */
  hasTargets: boolean;
  tables: RecognisedTable[];
  notes: ImportNote[];
  /** A 监控表: the month, and the spending and indicator progress the import would record. */
  monitoring?: Pick<MonitoringPlan, 'asOfMonth' | 'spending' | 'progress'>;
}

/**
 * What an import would do, storing nothing: the file read, the unit resolved and, for targets, the document
 * validated as importFile does (prepareParsedUpload); for a 自评表, what importEvaluation would start from; for a
 * 监控表, everything importMonitoring would write, checked as it checks.
 */
export async function planImport(db: Db, input: UploadInput): Promise<ImportPlan> {
  const parsed = await parseDocumentFile(input);
  if (parsed.kind === 'monitoring') return monitoringPlan(db, input, parsed.document, parsed);
  const { unit, how, projects, fiscalYear, notes } =
    parsed.kind === 'targets' ? await targetsPlan(db, input, parsed) : await evaluationPlan(db, input, parsed);
  const existing = await findDocumentRef(db.kysely, unit.code, fiscalYear);
  return {
    kind: parsed.kind,
    unit,
    unitMatch: how,
    fiscalYear,
    projects: projects.length,
    indicators: projects.reduce((sum, project) => sum + project.indicators.length, 0),
    derivedKeys: projects
      .filter((project) => project.derivedCode === true)
      .map((project) => ({ code: project.code, name: project.name })),
    hasTargets: existing !== undefined,
    tables: parsed.tables,
    notes,
  };
}

interface PlanParts {
  unit: Unit;
  how: PreparedUpload['unitMatch'];
  fiscalYear: number;
  projects: { code: string; name: string; derivedCode?: boolean; indicators: unknown[] }[];
  notes: ImportNote[];
}

async function targetsPlan(db: Db, input: UploadInput, parsed: ParsedTargets): Promise<PlanParts> {
  const { prepared, notes, unitMatch } = await prepareParsedUpload(db, input, parsed);
  const { document, fiscalYear } = prepared;
  return { unit: document.unit, how: unitMatch, fiscalYear, projects: document.projects, notes };
}

async function evaluationPlan(
  db: Db,
  input: UploadInput,
  parsed: Extract<ParsedDocument, { kind: 'evaluation' }>,
): Promise<PlanParts> {
  const { document } = parsed;
  if (document.fiscalYear === undefined) {
    throw new AppError('USAGE', `文件未写明年度，请用 --year 指定（${input.fileName}）`, {
      location: { file: input.fileName },
    });
  }
  const resolved = await resolveStatedUnit(db, document.unit, input);
  const notes = [...parsed.notes, ...resolved.notes];
  return {
    unit: resolved.unit,
    how: resolved.how,
    fiscalYear: document.fiscalYear,
    projects: document.projects,
    notes,
  };
}

async function monitoringPlan(
  db: Db,
  input: UploadInput,
  document: MonitoringDocument,
  parsed: { notes: ImportNote[]; tables: RecognisedTable[] },
): Promise<ImportPlan> {
  const plan = await previewMonitoring(db, input, document, parsed.notes);
  return {
    kind: 'monitoring',
    unit: plan.unit,
    unitMatch: plan.unitMatch,
    fiscalYear: plan.fiscalYear,
    projects: plan.projects,
    indicators: plan.indicators,
    // Projects without 项目编码 are matched to the stored ones by name: no key is derived for them.
    derivedKeys: [],
    hasTargets: true,
    tables: parsed.tables,
    notes: plan.notes,
    monitoring: { asOfMonth: plan.asOfMonth, spending: plan.spending, progress: plan.progress },
  };
}
