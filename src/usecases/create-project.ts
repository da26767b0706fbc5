import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { type VersionedProject, findProjectRef, insertProject, nextProjectPosition } from '../db/projects.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { lockDocumentForWrite, readProject } from '../db/document-access.repo.ts';
import type { ProjectInput } from '../contract/api.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { parseProjectInput } from './parse-project-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/** Adds a project at the end of an existing unit-year's targets; its version starts at 1. */
export async function createProject(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number; project: ProjectInput },
): Promise<VersionedProject> {
  const key = validateInput(UnitYearInputSchema, input, '单位与年度');
  const project = parseProjectInput(input.project);
  return inTransaction(db, async (trx) => {
    const document = await lockDocumentForWrite(trx, key);
    if (await findProjectRef(trx, document.id, project.code)) {
      throw new AppError('CONFLICT', `单位 ${key.unitCode} ${key.fiscalYear} 年度已有编码为 ${project.code} 的项目`, {
        location: { path: ['code'] },
      });
    }
    const position = await nextProjectPosition(trx, document.id);
    await insertProject(trx, { documentId: document.id, position, version: 1, project });
    const created = await readProject(trx, document.id, { ...key, projectCode: project.code });
    await recordAudit(trx, actor, {
      action: 'create-project',
      ...key,
      entity: 'project',
      entityKey: project.code,
      after: created,
    });
    return created;
  });
}
