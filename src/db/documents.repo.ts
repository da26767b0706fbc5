import { sql } from 'kysely';
import { OverallTargetsSchema } from '../contract/targets.ts';
import type { OverallTargets, Unit } from '../domain/targets.ts';
import type { Executor } from './schema.ts';

export interface DocumentRef {
  id: number;
  version: number;
}

export interface StoredDocument extends DocumentRef {
  unit: Unit;
  overall: OverallTargets;
}

/**
 * Creates the unit-year's document or replaces its narrative, bumping the version. The row stays
 * (and stays locked until commit), so concurrent imports of one unit-year queue up behind it.
 */
export async function upsertDocument(
  db: Executor,
  input: { unitId: number; fiscalYear: number; overall: OverallTargets },
): Promise<DocumentRef & { replaced: boolean }> {
  const overall = JSON.stringify(input.overall);
  const row = await db
    .insertInto('target_documents')
    .values({ unit_id: input.unitId, fiscal_year: input.fiscalYear, overall })
    .onConflict((oc) =>
      oc.columns(['unit_id', 'fiscal_year']).doUpdateSet({
        overall,
        version: sql<number>`target_documents.version + 1`,
        updated_at: sql<string>`now()`,
      }),
    )
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  // A new row starts at 1 and every replacement adds one, so a version above 1 means replaced.
  return { id: row.id, version: row.version, replaced: row.version > 1 };
}

export async function findDocument(db: Executor, unitCode: string, fiscalYear: number): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('target_documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.version', 'd.overall', 'u.code', 'u.name'])
    .where('u.code', '=', unitCode)
    .where('d.fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  if (!row) return undefined;
  // Parsing restores the exchange format's key order, which jsonb does not keep.
  const overall = OverallTargetsSchema.parse(row.overall);
  return { id: row.id, version: row.version, unit: { code: row.code, name: row.name }, overall };
}

export async function findDocumentRef(db: Executor, unitCode: string, fiscalYear: number): Promise<DocumentRef | undefined> {
  return db
    .selectFrom('target_documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.version'])
    .where('u.code', '=', unitCode)
    .where('d.fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
}

/**
 * Every change to a project is a change to its document: bump the document's version first. The
 * UPDATE also locks the row, so writers to one unit-year take turns for the rest of the transaction.
 */
export async function bumpDocumentVersion(db: Executor, unitCode: string, fiscalYear: number): Promise<DocumentRef | undefined> {
  return db
    .updateTable('target_documents as d')
    .from('units as u')
    .set({ version: sql<number>`d.version + 1`, updated_at: sql<string>`now()` })
    .whereRef('u.id', '=', 'd.unit_id')
    .where('u.code', '=', unitCode)
    .where('d.fiscal_year', '=', fiscalYear)
    .returning(['d.id', 'd.version'])
    .executeTakeFirst();
}
