import type { Db } from '../db/database.ts';
import { type UnitYears, findUnitPage } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { unitScopeOf } from '../domain/unit-scope.ts';

const EVERY_ROW = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };

/**
 * Every unit the actor may read, unpaged: for in-process callers that need them all (bulk export,
 * the demo loader's "is the database empty"). HTTP lists use `listUnitPage`.
 */
export async function listUnits(db: Db, actor: Actor): Promise<UnitYears[]> {
  return (await findUnitPage(db.kysely, { scope: unitScopeOf(actor) }, EVERY_ROW)).items;
}
