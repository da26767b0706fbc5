import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { findUnitId } from '../db/monitoring.repo.ts';
import {
  type VersionedProject,
  dataUnderProjectCode,
  findProjectRef,
  renameProjectCode,
  updateProjectIfVersion,
} from '../db/projects.repo.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import { keepLayoutFields } from '../domain/layout-fields.ts';
import { lockDocumentForWrite, projectConflict, readProject, requireProjectRef } from '../db/document-access.repo.ts';
import { ExpectedVersionInputSchema, ProjectKeyInputSchema } from '../contract/usecase-input.ts';
import type { ProjectInput } from '../contract/api.ts';
import { parseProjectInput } from './parse-project-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/**
 * Replaces a project, indicators and spending plan included, if it is still at the version the
 * caller read; otherwise CONFLICT (naming who changed it) and nothing changes. The code may change
 * unless another project of the unit-year has it; the project's monitoring, 自评 and review comments
 * move with it in the same transaction (decision 023). Fields of provincial layouts that the body
 * leaves out (the web editor has none of them) keep their stored values (decision 030).
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
    if (current.version !== expectedVersion) throw await projectConflict(trx, key, current, expectedVersion);
    const renamed = project.code !== current.code;
    if (renamed) await refuseTakenCode(trx, { ...key, documentId: document.id, to: project.code });
    const before = await readProject(trx, document.id, key);
    // A field of a provincial layout that the edit leaves out keeps its stored value (decision 030).
    const merged = keepLayoutFields(before.project, project);
    // The compare-and-set itself, in SQL: the check above only gives the better message.
    const version = await updateProjectIfVersion(trx, { id: current.id, expectedVersion, project: merged });
    if (version === undefined) throw await projectConflict(trx, key, current, expectedVersion);
    if (renamed) {
      const unitId = (await findUnitId(trx, key.unitCode))!;
      await renameProjectCode(trx, {
        unitId,
        fiscalYear: key.fiscalYear,
        documentId: document.id,
        from: current.code,
        to: project.code,
      });
    }
    const after = await readProject(trx, document.id, { ...key, projectCode: project.code });
    // Keyed by the code it has now: a conflict later names this write, and the entry shows the old code in `before`.
    await recordAudit(trx, actor, {
      action: 'update-project',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'project',
      entityKey: project.code,
      before,
      after,
    });
    return after;
  });
}

async function refuseTakenCode(
  trx: Executor,
  target: { unitCode: string; fiscalYear: number; documentId: number; to: string },
): Promise<void> {
  if (await findProjectRef(trx, target.documentId, target.to)) {
    throw new AppError('CONFLICT', `不能改为编码 ${target.to}：该年度已有此编码的项目`, {
      location: { path: ['code'] },
      details: { reason: 'project.code-taken', code: target.to },
    });
  }
  const unitId = (await findUnitId(trx, target.unitCode))!;
  const leftOver = await dataUnderProjectCode(trx, {
    unitId,
    fiscalYear: target.fiscalYear,
    documentId: target.documentId,
    to: target.to,
  });
  if (leftOver.length > 0) {
    throw new AppError(
      'CONFLICT',
      `不能改为编码 ${target.to}：该年度仍有此编码（已删除项目）的${leftOver.join('、')}数据`,
      { location: { path: ['code'] } },
    );
  }
}
