import type { Db } from '../db/database.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';

/**
 * The codes of the organisations above a unit, nearest first (its department, then the bureau):
 * what a permission on the unit is checked against (`can` in src/domain/permissions.ts).
 */
export async function listUnitAncestors(db: Db, unitCode: string): Promise<string[]> {
  return (await ancestorsOfUnit(db.kysely, unitCode)).map((org) => org.code);
}
