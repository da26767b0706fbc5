import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import type { VersionedProject } from '../db/projects.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { readProject, targetsNotFound } from './project-access.ts';
import { ProjectKeyInputSchema, validateInput } from './usecase-input.ts';

/** One project with the version a later update or delete must name. */
export async function getProject(
  db: Db,
  input: { unitCode: string; fiscalYear: number; projectCode: string },
): Promise<VersionedProject> {
  const key = validateInput(ProjectKeyInputSchema, input, '查询条件');
  return inTransaction(db, async (trx) => {
    const document = await findDocumentRef(trx, key.unitCode, key.fiscalYear);
    if (!document) throw targetsNotFound(key);
    return readProject(trx, document.id, key);
  }, 'repeatable read');
}
