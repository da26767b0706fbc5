import type { Db } from '../db/database.ts';
import { type UnitYears, listUnitsWithYears } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { visibleUnitCodes } from './visible-units.ts';

/**
 * The units the actor may read (docs/permissions.md, targets:read), by code, with the fiscal years
 * they have targets for: everything for an admin, the units under a bureau or department, a unit
 * user's own unit only.
 */
export async function listUnits(db: Db, actor: Actor): Promise<UnitYears[]> {
  const all = await listUnitsWithYears(db.kysely);
  const codes = await visibleUnitCodes(db.kysely, actor);
  if (codes === null) return all;
  const visible = new Set(codes);
  return all.filter((unit) => visible.has(unit.code));
}
