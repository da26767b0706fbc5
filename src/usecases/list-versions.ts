import type { Db } from '../db/database.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { type VersionRow, listVersions } from '../db/workflow.repo.ts';
import { targetsNotFound } from './project-access.ts';
import { UnitYearInputSchema, validateInput } from './usecase-input.ts';

/** The numbered snapshots of a unit-year's targets (one at every submit and approve), oldest first. */
export async function listTargetVersions(db: Db, input: { unitCode: string; fiscalYear: number }): Promise<VersionRow[]> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(db, async (trx) => {
    const document = await findDocumentRef(trx, key.unitCode, key.fiscalYear);
    if (!document) throw targetsNotFound(key);
    return listVersions(trx, document.id);
  });
}
