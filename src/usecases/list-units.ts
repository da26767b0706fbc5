import type { Db } from '../db/database.ts';
import { unitCodesUnder } from '../db/organisations.repo.ts';
import { type UnitYears, listUnitsWithYears } from '../db/units.repo.ts';
import type { Actor } from '../domain/access.ts';
import { PERMISSION_TABLE } from '../domain/permissions.ts';

/**
 * The units the actor may read (docs/permissions.md, targets:read), by code, with the fiscal years
 * they have targets for: everything for an admin, the units under a bureau or department, a unit
 * user's own unit only.
 */
export async function listUnits(db: Db, actor: Actor): Promise<UnitYears[]> {
  const all = await listUnitsWithYears(db.kysely);
  const scope = PERMISSION_TABLE[actor.role]['targets:read'];
  if (scope === 'all') return all;
  if (scope === 'none' || actor.orgCode === '') return [];
  if (actor.role === 'unit') return all.filter((unit) => unit.code === actor.orgCode);
  const visible = new Set(await unitCodesUnder(db.kysely, actor.orgCode));
  return all.filter((unit) => visible.has(unit.code));
}
