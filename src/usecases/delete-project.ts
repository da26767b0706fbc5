import type { Db } from '../db/database.ts';
import { deleteProjectIfVersion } from '../db/projects.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { lockDocumentForWrite, requireProjectRef, staleVersion } from './project-access.ts';
import { ExpectedVersionInputSchema, ProjectKeyInputSchema, validateInput } from './usecase-input.ts';

/** Deletes a project if it is still at the version the caller read; otherwise CONFLICT. */
export async function deleteProject(
  db: Db,
  input: { unitCode: string; fiscalYear: number; projectCode: string; expectedVersion: number },
): Promise<void> {
  const key = validateInput(ProjectKeyInputSchema, input, '项目定位');
  const { expectedVersion } = validateInput(ExpectedVersionInputSchema, input, '版本号');
  await inTransaction(db, async (trx) => {
    const document = await lockDocumentForWrite(trx, key);
    const current = await requireProjectRef(trx, document.id, key);
    const deleted = await deleteProjectIfVersion(trx, { id: current.id, expectedVersion });
    if (!deleted) throw staleVersion(current.code, current.version, expectedVersion);
  });
}
