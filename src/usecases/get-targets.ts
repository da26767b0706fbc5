import { readWholeDocument } from '../db/document-access.repo.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

/** A unit-year's whole document, as the exchange format has it, with the version to send back. */
export async function getTargets(
  db: Db,
  input: { unitCode: string; fiscalYear: number },
): Promise<{ document: TargetsDocument; version: number; projectVersions: Record<string, number> }> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  // One snapshot for the several reads, so a concurrent re-import is seen whole or not at all.
  return inTransaction(
    db,
    async (trx) => {
      const { document, version, projectVersions } = await readWholeDocument(trx, key);
      return { document, version, projectVersions };
    },
    'repeatable read',
  );
}
