import { TargetsDocumentSchema } from '../contract/targets.ts';
import { recordAudit } from '../db/audit.repo.ts';
import { findDocument, upsertDocument } from '../db/documents.repo.ts';
import { deleteProjectsOfDocument, insertProject, loadProjects, projectVersions } from '../db/projects.repo.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { upsertUnit } from '../db/units.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { normaliseDocument } from '../domain/normalise.ts';
import type { Project, TargetsDocument } from '../domain/targets.ts';
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

/**
 * Stores a document as the unit-year's targets, replacing any earlier ones: all of it in one
 * transaction, so a failure part-way leaves the database exactly as it was.
 */
export async function importTargets(
  db: Db,
  actor: Actor,
  input: { document: TargetsDocument; fiscalYear: number },
): Promise<ImportTargetsResult> {
  const parsed = validateInput(TargetsDocumentSchema, input.document, '绩效目标文档');
  const fiscalYear = validateInput(UnitYearInputSchema.shape.fiscalYear, input.fiscalYear, '年度');
  if (parsed.fiscalYear !== undefined && parsed.fiscalYear !== fiscalYear) {
    throw new AppError('VALIDATION', `文档写明的年度 ${parsed.fiscalYear} 与导入年度 ${fiscalYear} 不一致`, {
      location: { path: ['fiscalYear'] },
    });
  }
  const document = normaliseDocument(parsed);
  assertUniqueProjectCodes(document.projects);
  const replaced = await inTransaction(db, async (trx) => {
    const before = await storedDocument(trx, document.unit.code, fiscalYear);
    const replacedEarlier = await storeDocument(trx, document, fiscalYear);
    await recordAudit(trx, actor, {
      action: 'import-targets', unitCode: document.unit.code, fiscalYear, entity: 'target-document', entityKey: document.unit.code,
      before: before ?? undefined, after: { unit: document.unit, overall: document.overall, projects: document.projects },
    });
    return replacedEarlier;
  });
  return {
    unitCode: document.unit.code,
    fiscalYear,
    projects: document.projects.length,
    indicators: document.projects.reduce((sum, project) => sum + project.indicators.length, 0),
    replaced,
  };
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

/** The unit-year's document before the import, for the audit log; null when there was none. */
async function storedDocument(trx: Executor, unitCode: string, fiscalYear: number): Promise<object | null> {
  const stored = await findDocument(trx, unitCode, fiscalYear);
  if (!stored) return null;
  const projects = await loadProjects(trx, stored.id);
  return { unit: stored.unit, overall: stored.overall, projects: projects.map(({ project }) => project) };
}

/** Returns whether an earlier document was replaced. */
async function storeDocument(trx: Executor, document: TargetsDocument, fiscalYear: number): Promise<boolean> {
  const unitId = await upsertUnit(trx, document.unit);
  const stored = await upsertDocument(trx, { unitId, fiscalYear, overall: document.overall });
  await assertTargetsEditable(trx, stored.id); // workflow (helper W): targets under review or approved → LOCKED
  // A project that survives a re-import gets a newer version, so an edit based on what was
  // read before the import is refused rather than silently applied to the new content.
  const earlierVersions = await projectVersions(trx, stored.id);
  await deleteProjectsOfDocument(trx, stored.id);
  for (const [position, project] of document.projects.entries()) {
    const version = (earlierVersions.get(project.code) ?? 0) + 1;
    await insertProject(trx, { documentId: stored.id, position, version, project });
  }
  return stored.replaced;
}
