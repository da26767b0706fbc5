import { TargetsDocumentSchema } from '../contract/targets.ts';
import { upsertDocument } from '../db/documents.repo.ts';
import { deleteProjectsOfDocument, insertProject, projectVersions } from '../db/projects.repo.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { upsertUnit } from '../db/units.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../domain/errors.ts';
import { normaliseDocument } from '../domain/normalise.ts';
import type { Project, TargetsDocument } from '../domain/targets.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

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
export async function importTargets(db: Db, input: { document: TargetsDocument; fiscalYear: number }): Promise<ImportTargetsResult> {
  const parsed = validateInput(TargetsDocumentSchema, input.document, '绩效目标文档');
  const fiscalYear = validateInput(UnitYearInputSchema.shape.fiscalYear, input.fiscalYear, '年度');
  if (parsed.fiscalYear !== undefined && parsed.fiscalYear !== fiscalYear) {
    throw new AppError('VALIDATION', `文档写明的年度 ${parsed.fiscalYear} 与导入年度 ${fiscalYear} 不一致`, {
      location: { path: ['fiscalYear'] },
    });
  }
  const document = normaliseDocument(parsed);
  assertUniqueProjectCodes(document.projects);
  const replaced = await inTransaction(db, (trx) => storeDocument(trx, document, fiscalYear));
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

/** Returns whether an earlier document was replaced. */
async function storeDocument(trx: Executor, document: TargetsDocument, fiscalYear: number): Promise<boolean> {
  const unitId = await upsertUnit(trx, document.unit);
  const stored = await upsertDocument(trx, { unitId, fiscalYear, overall: document.overall });
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
