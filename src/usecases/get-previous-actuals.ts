import type { PreviousActualsResponse } from '../contract/fiscal-years.ts';
import type { Db } from '../db/database.ts';
import { previousYearActuals } from '../db/fiscal-years-copy.repo.ts';

/**
 * Last year's targets and 实际完成值 of a unit, per project code and indicator name, to show beside the
 * draft a new year copied (decision 038). The route checked that the actor may read the unit.
 */
export async function getPreviousActuals(
  db: Db,
  key: { unitCode: string; fiscalYear: number },
): Promise<PreviousActualsResponse> {
  return previousYearActuals(db.kysely, key.unitCode, key.fiscalYear);
}
