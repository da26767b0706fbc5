import { sql } from 'kysely';
import { OverallTargetsSchema } from '../contract/targets.ts';
import type { OverallTargets, Project, Unit } from '../domain/targets.ts';
import {
  CHECKPOINT_COLUMNS,
  INDICATOR_COLUMNS,
  checkpointRows,
  columnList,
  indicatorRows,
} from './project-details.repo.ts';
import type { Executor } from './schema.ts';

/**
 * Set-based writes of many unit-years' targets for the bulk import: each function is ONE statement
 * for a whole batch of documents, so a city import costs a few statements per batch instead of a
 * few per unit. Every array is one bind parameter (unnest), whatever the batch's size; amounts
 * travel as decimal text into numeric, never as floats.
 */

export interface UnitYearKey {
  unitCode: string;
  fiscalYear: number;
}

export interface ExistingDocument extends UnitYearKey {
  id: number;
  unit: Unit;
  overall: OverallTargets;
  /** 'draft' when the document has no workflow row. */
  state: string;
}

export interface DocumentRow extends UnitYearKey {
  unit: Unit;
  overall: OverallTargets;
}

export interface StoredDocumentRow extends UnitYearKey {
  id: number;
  /** The unit-year had a document before (its version went above 1). */
  replaced: boolean;
}

export interface ProjectRow {
  documentId: number;
  position: number;
  version: number;
  project: Project;
}

export const unitYearKey = (key: UnitYearKey): string => `${key.unitCode}/${key.fiscalYear}`;

/** The unitYearKey of a document about to be stored (its unit's code, the year it is stored under). */
export const documentKey = (prepared: { document: { unit: { code: string } }; fiscalYear: number }): string =>
  unitYearKey({ unitCode: prepared.document.unit.code, fiscalYear: prepared.fiscalYear });

/**
 * For the rest of the transaction, compresses large values with lz4 instead of the default pglz
 * where the server has it: each import's audit entry holds the whole document as jsonb (~40 KB a
 * unit), and pglz on it cost the bulk import about three times what lz4 does (measured). Reading is
 * unchanged (each value records its method). A server without lz4, or PGlite, keeps its default.
 */
export async function preferFastCompression(db: Executor): Promise<void> {
  await sql`
    select set_config('default_toast_compression', 'lz4', true)
     where exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals))`.execute(
    db,
  );
}

/**
 * The unit-years' documents that exist, with their review state, locked for the rest of the
 * transaction (FOR UPDATE): what an import replaces is read under the lock that keeps concurrent
 * writers of the same unit-years out until commit.
 */
export async function lockExistingDocuments(
  db: Executor,
  keys: readonly UnitYearKey[],
): Promise<Map<string, ExistingDocument>> {
  if (keys.length === 0) return new Map();
  const result = await sql<{
    id: number;
    code: string;
    name: string;
    fiscalYear: number;
    overall: unknown;
    state: string;
  }>`
    select d.id, u.code, u.name, d.fiscal_year as "fiscalYear", d.overall, coalesce(w.state, 'draft') as state
      from unnest(${keys.map((k) => k.unitCode)}::text[], ${keys.map((k) => k.fiscalYear)}::integer[]) as k(code, fiscal_year)
      join units u on u.code = k.code
      join target_documents d on d.unit_id = u.id and d.fiscal_year = k.fiscal_year
      left join target_workflows w on w.document_id = d.id
       for update of d`.execute(db);
  return new Map(
    result.rows.map((row) => {
      // Parsing restores the exchange format's key order (documents stored before migration 0016 were jsonb).
      const document = {
        id: row.id,
        unitCode: row.code,
        fiscalYear: row.fiscalYear,
        unit: { code: row.code, name: row.name },
        overall: OverallTargetsSchema.parse(row.overall),
        state: row.state,
      };
      return [unitYearKey(document), document];
    }),
  );
}

/**
 * Creates or renames the units and creates each unit-year's document or replaces its narrative
 * (bumping the version), in one statement. The unit-years must be distinct; a unit may come twice
 * (two years): its last name wins, as when the documents are stored one by one.
 */
export async function upsertUnitDocuments(
  db: Executor,
  rows: readonly DocumentRow[],
): Promise<Map<string, StoredDocumentRow>> {
  if (rows.length === 0) return new Map();
  const names = new Map(rows.map((row) => [row.unit.code, row.unit.name]));
  const result = await sql<{ id: number; version: number; code: string; fiscalYear: number }>`
    with u as (
      insert into units (code, name)
      select * from unnest(${[...names.keys()]}::text[], ${[...names.values()]}::text[])
      on conflict (code) do update set name = excluded.name
      returning id, code
    ), d as (
      insert into target_documents (unit_id, fiscal_year, overall)
      select u.id, n.fiscal_year, n.overall::json
        from unnest(${rows.map((r) => r.unit.code)}::text[], ${rows.map((r) => r.fiscalYear)}::integer[],
                    ${rows.map((r) => JSON.stringify(r.overall))}::text[]) as n(code, fiscal_year, overall)
        join u on u.code = n.code
      on conflict (unit_id, fiscal_year) do update
        set overall = excluded.overall, version = target_documents.version + 1, updated_at = now()
      returning id, version, unit_id, fiscal_year
    )
    select d.id, d.version, u.code, d.fiscal_year as "fiscalYear" from d join u on u.id = d.unit_id`.execute(db);
  return new Map(
    result.rows.map((row) => {
      // A new row starts at 1 and every replacement adds one, so a version above 1 means replaced.
      const stored = { id: row.id, unitCode: row.code, fiscalYear: row.fiscalYear, replaced: row.version > 1 };
      return [unitYearKey(stored), stored];
    }),
  );
}

/** The projects of the given documents (their indicators and spending plans cascade), in one statement. */
export async function deleteProjectsOfDocuments(db: Executor, documentIds: readonly number[]): Promise<void> {
  if (documentIds.length === 0) return;
  await db
    .deleteFrom('projects')
    .where('document_id', 'in', [...documentIds])
    .execute();
}

/**
 * Many documents' projects with their indicators and spending plans in ONE statement: the projects
 * come from unnest and their details are inserted by data-modifying CTEs that join on (document,
 * position) to the ids just generated.
 */
export async function insertProjectsOfDocuments(db: Executor, rows: readonly ProjectRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: ProjectRow) => T): T[] => rows.map(pick);
  const budget = (key: 'total' | 'fiscal' | 'other') => col((r) => r.project.budget[key]);
  const details = rows.map(({ documentId, position, project }) => ({
    keys: [documentId, position],
    indicators: project.indicators,
    spendingPlan: project.spendingPlan,
  }));
  const indicators = indicatorRows(details, DETAIL_KEYS);
  const checkpoints = checkpointRows(details, DETAIL_KEYS);
  await sql`
    with p as (
      insert into projects (document_id, position, version, code, name, budget_total, budget_fiscal, budget_other, purpose, goals,
                            derived_code, details)
      select n.document_id, n.position, n.version, n.code, n.name, n.total, n.fiscal, n.other, n.purpose, n.goals::jsonb,
             n.derived_code, n.details
        from unnest(${col((r) => r.documentId)}::integer[], ${col((r) => r.position)}::integer[], ${col((r) => r.version)}::integer[],
                    ${col((r) => r.project.code)}::text[], ${col((r) => r.project.name)}::text[], ${budget('total')}::numeric[],
                    ${budget('fiscal')}::numeric[], ${budget('other')}::numeric[], ${col((r) => r.project.purpose)}::text[],
                    ${col((r) => JSON.stringify(r.project.goals))}::text[], ${col((r) => r.project.derivedCode === true)}::boolean[],
                    ${col((r) => (r.project.details === undefined ? null : JSON.stringify(r.project.details)))}::json[])
          as n(document_id, position, version, code, name, total, fiscal, other, purpose, goals, derived_code, details)
      returning id, document_id, position
    )${
      indicators
        ? sql`, i as (
      insert into indicators (project_id, ${columnList(INDICATOR_COLUMNS)})
      select p.id, ${columnList(INDICATOR_COLUMNS, 'x')} from ${indicators}
        join p on p.document_id = x.document_id and p.position = x.project_position
    )`
        : sql``
    }${
      checkpoints
        ? sql`, c as (
      insert into spending_checkpoints (project_id, ${columnList(CHECKPOINT_COLUMNS)})
      select p.id, ${columnList(CHECKPOINT_COLUMNS, 'x')} from ${checkpoints}
        join p on p.document_id = x.document_id and p.position = x.project_position
    )`
        : sql``
    }
    select count(*) from p`.execute(db);
}

/** The detail rows' key columns in the batch statement: their project's document and position. */
const DETAIL_KEYS = ['document_id', 'project_position'];
