import type { Db } from '../db/database.ts';
import { findFiscalYears } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';

/** The fiscal years any unit the actor may read has targets for, newest first. */
export async function listFiscalYears(db: Db, actor: Actor): Promise<number[]> {
  return findFiscalYears(db.kysely, unitScopeOf(actor));
}
