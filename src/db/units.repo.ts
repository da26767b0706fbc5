import type { Unit } from '../domain/targets.ts';
import type { Executor } from './schema.ts';

/** Creates the unit or renames it to the name the latest document gives; returns its id. */
export async function upsertUnit(db: Executor, unit: Unit): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({ code: unit.code, name: unit.name })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: unit.name }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UnitYears {
  code: string;
  name: string;
  years: number[];
}

/** Every unit by code, with the fiscal years it has targets for, ascending. */
export async function listUnitsWithYears(db: Executor): Promise<UnitYears[]> {
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('target_documents as d', 'd.unit_id', 'u.id')
    .select(['u.code', 'u.name', 'd.fiscal_year'])
    .orderBy('u.code')
    .orderBy('d.fiscal_year')
    .execute();
  const units = new Map<string, UnitYears>();
  for (const row of rows) {
    const unit = units.get(row.code) ?? { code: row.code, name: row.name, years: [] };
    if (row.fiscal_year !== null) unit.years.push(row.fiscal_year);
    units.set(row.code, unit);
  }
  return [...units.values()];
}
