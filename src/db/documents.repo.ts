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

export async function findDocument(
  db: Executor,
  unitCode: string,
  fiscalYear: number,
): Promise<StoredDocument | undefined> {
  const row = await db
    .selectFrom('target_documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.id', 'd.version', 'd.overall', 'u.code', 'u.name'])
    .where('u.code', '=', unitCode)
    .where('d.fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  if (!row) return undefined;
  // Parsing restores the exchange format's key order (documents stored before migration 0016 were jsonb).
  const overall = OverallTargetsSchema.parse(row.overall);
  return { id: row.id, version: row.version, unit: { code: row.code, name: row.name }, overall };
}

export async function findDocumentRef(
  db: Executor,
  unitCode: string,
  fiscalYear: number,
): Promise<DocumentRef | undefined> {
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
export async function bumpDocumentVersion(
  db: Executor,
  unitCode: string,
  fiscalYear: number,
): Promise<DocumentRef | undefined> {
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

/**
 * Review states of the given unit-years that have a workflow row (others are drafts), in one
 * statement however many keys: a bulk import checks them all before it stores anything.
 */
export async function findWorkflowStates(
  db: Executor,
  keys: { unitCode: string; fiscalYear: number }[],
): Promise<{ unitCode: string; fiscalYear: number; state: string }[]> {
  if (keys.length === 0) return [];
  const result = await sql<{ unitCode: string; fiscalYear: number; state: string }>`
    select u.code as "unitCode", d.fiscal_year as "fiscalYear", w.state
      from unnest(${keys.map((k) => k.unitCode)}::text[], ${keys.map((k) => k.fiscalYear)}::integer[]) as k(code, fiscal_year)
      join units u on u.code = k.code
      join target_documents d on d.unit_id = u.id and d.fiscal_year = k.fiscal_year
      join target_workflows w on w.document_id = d.id`.execute(db);
  return result.rows;
}

/**
 * What an import replaces, read under the document row's lock (taken for the rest of the
 * transaction, so concurrent imports of one unit-year queue here): the document and its review
 * state (a document without a workflow row is a draft). Undefined when the unit-year has no targets.
 */
export async function findDocumentForReplace(
  db: Executor,
  unitCode: string,
  fiscalYear: number,
): Promise<(StoredDocument & { state: string }) | undefined> {
  const row = await db
    .selectFrom('target_documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('target_workflows as w', 'w.document_id', 'd.id')
    .select(['d.id', 'd.version', 'd.overall', 'u.code', 'u.name', sql<string>`coalesce(w.state, 'draft')`.as('state')])
    .where('u.code', '=', unitCode)
    .where('d.fiscal_year', '=', fiscalYear)
    .forUpdate('d')
    .executeTakeFirst();
  if (!row) return undefined;
  const overall = OverallTargetsSchema.parse(row.overall);
  return { id: row.id, version: row.version, unit: { code: row.code, name: row.name }, overall, state: row.state };
}

/**
 * Creates or renames the unit (as upsertUnit does) and creates the unit-year's document or replaces
 * its narrative, bumping the version — one statement, for the import path's round trips.
 */
export async function upsertUnitDocument(
  db: Executor,
  input: { unit: Unit; fiscalYear: number; overall: OverallTargets },
): Promise<DocumentRef & { replaced: boolean }> {
  const result = await sql<DocumentRef>`
    with u as (
      insert into units (code, name) values (${input.unit.code}, ${input.unit.name})
      on conflict (code) do update set name = excluded.name
      returning id
    )
    insert into target_documents (unit_id, fiscal_year, overall)
    select u.id, ${input.fiscalYear}::integer, ${JSON.stringify(input.overall)}::json from u
    on conflict (unit_id, fiscal_year) do update
      set overall = excluded.overall, version = target_documents.version + 1, updated_at = now()
    returning id, version`.execute(db);
  const row = result.rows[0]!;
  // A new row starts at 1 and every replacement adds one, so a version above 1 means replaced.
  return { id: row.id, version: row.version, replaced: row.version > 1 };
}
