import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { type VersionedProject, findProjectRef, updateProjectIfVersion } from '../db/projects.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { lockDocumentForWrite, readProject, requireProjectRef, staleVersion } from './project-access.ts';
import { ExpectedVersionInputSchema, ProjectKeyInputSchema, type ProjectInput, parseProjectInput, validateInput } from './usecase-input.ts';

/**
 * Replaces a project, indicators and spending plan included, if it is still at the version the
 * caller read; otherwise CONFLICT and nothing changes. The code may change unless another project
 * of the unit-year has it.
 */
export async function updateProject(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number; projectCode: string; expectedVersion: number; project: ProjectInput },
): Promise<VersionedProject> {
  const key = validateInput(ProjectKeyInputSchema, input, '项目定位');
  const { expectedVersion } = validateInput(ExpectedVersionInputSchema, input, '版本号');
  const project = parseProjectInput(input.project);
  return inTransaction(db, async (trx) => {
    const document = await lockDocumentForWrite(trx, key);
    const current = await requireProjectRef(trx, document.id, key);
    if (current.version !== expectedVersion) throw staleVersion(current.code, current.version, expectedVersion);
    if (project.code !== current.code && (await findProjectRef(trx, document.id, project.code))) {
      throw new AppError('CONFLICT', `不能改为编码 ${project.code}：该年度已有此编码的项目`, { location: { path: ['code'] } });
    }
    // The compare-and-set itself, in SQL: the check above only gives the better message.
    const before = await readProject(trx, document.id, key);
    const version = await updateProjectIfVersion(trx, { id: current.id, expectedVersion, project });
    if (version === undefined) throw staleVersion(current.code, current.version, expectedVersion);
    const after = await readProject(trx, document.id, { ...key, projectCode: project.code });
    await recordAudit(trx, actor, {
      action: 'update-project', unitCode: key.unitCode, fiscalYear: key.fiscalYear, entity: 'project', entityKey: current.code, before, after,
    });
    return after;
  });
}
