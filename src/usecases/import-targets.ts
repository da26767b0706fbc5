import { prepareTargets } from '../contract/prepare-targets.ts';
import type { Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Actor } from '../domain/access.ts';
import type { TargetsDocument } from '../domain/targets.ts';
import { type ImportTargetsResult, storeTargets } from './store-targets.ts';

/**
 * Stores a document as the unit-year's targets, replacing any earlier ones: all of it in one
 * transaction, so a failure part-way leaves the database exactly as it was.
 */
export async function importTargets(
  db: Db,
  actor: Actor,
  input: { document: TargetsDocument; fiscalYear: number },
): Promise<ImportTargetsResult> {
  const prepared = prepareTargets(input);
  return inTransaction(db, (trx) => storeTargets(trx, actor, prepared));
}
