import { recordAudit } from '../db/audit.repo.ts';
import type { Db } from '../db/database.ts';
import { deleteProjectIfVersion } from '../db/projects.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import { lockDocumentForWrite, projectConflict, readProject, requireProjectRef } from '../db/document-access.repo.ts';
import { ExpectedVersionInputSchema, ProjectKeyInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/** Deletes a project if it is still at the version the caller read; otherwise CONFLICT (naming who changed it) and nothing is deleted. */
export async function deleteProject(
  db: Db,
  actor: Actor,
  input: { unitCode: string; fiscalYear: number; projectCode: string; expectedVersion: number },
): Promise<void> {
  const key = validateInput(ProjectKeyInputSchema, input, '项目定位');
  const { expectedVersion } = validateInput(ExpectedVersionInputSchema, input, '版本号');
  await inTransaction(db, async (trx) => {
    const document = await lockDocumentForWrite(trx, key);
    const current = await requireProjectRef(trx, document.id, key);
    if (current.version !== expectedVersion) throw await projectConflict(trx, key, current, expectedVersion);
    const before = await readProject(trx, document.id, key);
    const deleted = await deleteProjectIfVersion(trx, { id: current.id, expectedVersion });
    if (!deleted) throw await projectConflict(trx, key, current, expectedVersion);
    await recordAudit(trx, actor, {
      action: 'delete-project',
      unitCode: key.unitCode,
      fiscalYear: key.fiscalYear,
      entity: 'project',
      entityKey: current.code,
      before,
    });
  });
}
