import type { Db } from '../db/database.ts';
import { type UnitYears, listUnitsWithYears } from '../db/units.repo.ts';

/** Every unit, by code, with the fiscal years it has targets for. */
export async function listUnits(db: Db): Promise<UnitYears[]> {
  return listUnitsWithYears(db.kysely);
}
