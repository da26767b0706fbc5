import { TargetsDocumentSchema } from '../contract/targets.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { type StoredDocument, findDocumentForReplace, upsertUnitDocument } from '../db/documents.repo.ts';
import { deleteProjectsOfDocument, insertProjects, loadProjects, projectVersions } from '../db/projects.repo.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { normaliseDocument } from '../domain/normalise.ts';
import type { Project, TargetsDocument } from '../domain/targets.ts';
import { lockedMessage, type WorkflowState } from '../domain/workflow/states.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';
import { assertTargetsEditable } from './assert-targets-editable.ts';

export interface ImportTargetsResult {
  unitCode: string;
  fiscalYear: number;
  projects: number;
  indicators: number;
  /** The unit-year had targets before, which this import replaced whole. */
  replaced: boolean;
}

/** A document that passed every check that needs no database: what storeTargets takes. */
export interface PreparedTargets {
  document: TargetsDocument;
  fiscalYear: number;
}

/**
 * Stores a document as the unit-year's targets, replacing any earlier ones: all of it in one
 * transaction, so a failure part-way leaves the database exactly as it was.
 */
export async function importTargets(
  db: Db,
  actor: Actor,
  input: { document: TargetsDocument; fiscalYear: number },
): Promise<ImportTargetsResult> {
  const prepared = prepareTargets(input);
  return inTransaction(db, (trx) => storeTargets(trx, actor, prepared));
}

/** Validates and normalises a document for the given year, touching no database; throws VALIDATION. */
export function prepareTargets(input: { document: unknown; fiscalYear: number }): PreparedTargets {
  return prepareParsedTargets({
    document: validateInput(TargetsDocumentSchema, input.document, '绩效目标文档'),
    fiscalYear: input.fiscalYear,
  });
}

/**
 * prepareTargets for exchange JSON that parseTargets already validated against the same schema
 * (the text, Word and Excel readers' output is not: it goes through prepareTargets), so the bulk
 * import does not pay for validating every document twice.
 */
export function prepareParsedTargets(input: { document: TargetsDocument; fiscalYear: number }): PreparedTargets {
  const parsed = input.document;
  const fiscalYear = validateInput(UnitYearInputSchema.shape.fiscalYear, input.fiscalYear, '年度');
  if (parsed.fiscalYear !== undefined && parsed.fiscalYear !== fiscalYear) {
    throw new AppError('VALIDATION', `文档写明的年度 ${parsed.fiscalYear} 与导入年度 ${fiscalYear} 不一致`, {
      location: { path: ['fiscalYear'] },
    });
  }
  const document = normaliseDocument(parsed);
  assertUniqueProjectCodes(document.projects);
  return { document, fiscalYear };
}

/**
 * The store itself, inside the caller's transaction (importTargets' own, or import-many's): a constant
 * number of statements whatever the number of projects — 4 for a new unit-year, 8 for a re-import
 * (which reads what it replaces, for the audit log and the version bumps, and deletes it).
 */
export async function storeTargets(
  trx: Executor,
  actor: Actor,
  prepared: PreparedTargets,
): Promise<ImportTargetsResult> {
  const { document, fiscalYear } = prepared;
  // Locked first, so what is read as "before" is what this import replaces (concurrent imports queue here).
  const earlier = await findDocumentForReplace(trx, document.unit.code, fiscalYear);
  if (earlier) assertEditable(earlier.state); // targets under review or approved → LOCKED
  const earlierProjects = earlier ? await loadProjects(trx, earlier.id) : [];
  const stored = await upsertUnitDocument(trx, { unit: document.unit, fiscalYear, overall: document.overall });
  // A project that survives a re-import gets a newer version, so an edit based on what was
  // read before the import is refused rather than silently applied to the new content.
  const versions = new Map(earlierProjects.map(({ project, version }) => [project.code, version]));
  if (stored.replaced && !earlier) {
    // Another transaction created the unit-year after our read and committed first: check it now.
    await assertTargetsEditable(trx, stored.id);
    for (const [code, version] of await projectVersions(trx, stored.id)) versions.set(code, version);
  }
  if (stored.replaced) await deleteProjectsOfDocument(trx, stored.id);
  await insertProjects(
    trx,
    stored.id,
    document.projects.map((project, position) => ({
      position,
      version: (versions.get(project.code) ?? 0) + 1,
      project,
    })),
  );
  await recordAudit(trx, actor, {
    action: 'import-targets',
    unitCode: document.unit.code,
    fiscalYear,
    entity: 'target-document',
    entityKey: document.unit.code,
    before: earlier
      ? auditDocument(
          earlier,
          earlierProjects.map(({ project }) => project),
        )
      : undefined,
    after: { unit: document.unit, overall: document.overall, projects: document.projects },
  });
  return {
    unitCode: document.unit.code,
    fiscalYear,
    projects: document.projects.length,
    indicators: document.projects.reduce((sum, project) => sum + project.indicators.length, 0),
    replaced: stored.replaced,
  };
}

function assertEditable(state: string): void {
  const message = lockedMessage(state as WorkflowState);
  if (message !== null) throw new AppError('LOCKED', message, { location: { field: 'state' } });
}

function auditDocument(stored: StoredDocument, projects: Project[]): object {
  return { unit: stored.unit, overall: stored.overall, projects };
}

function assertUniqueProjectCodes(projects: Project[]): void {
  const seen = new Map<string, number>();
  projects.forEach((project, index) => {
    const first = seen.get(project.code);
    if (first !== undefined) {
      throw new AppError('VALIDATION', `项目编码 ${project.code} 重复（第 ${first + 1} 个与第 ${index + 1} 个项目）`, {
        location: { path: ['projects', index, 'code'] },
        issues: [{ path: ['projects', index, 'code'], message: `项目编码 ${project.code} 重复` }],
      });
    }
    seen.set(project.code, index);
  });
}
