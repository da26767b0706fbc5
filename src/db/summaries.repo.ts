import { type Updateable, sql } from 'kysely';
import type { Executor } from './schema.ts';
import type { UnitYearSummariesTable } from './summaries.schema.ts';

/** A claimed summary row with what identifies it and what the refresher reads directly. */
export interface SummaryHead {
  unitId: number;
  fiscalYear: number;
  unitCode: string;
  unitName: string;
  /** The unit's organisation (department or bureau): policies are inherited from it. */
  parentId: number | null;
  documentId: number | null;
  workflowState: string | null;
  workflowUpdatedAt: Date | null;
}

export type SummaryValues = Required<Omit<Updateable<UnitYearSummariesTable>, 'unit_id' | 'fiscal_year'>>;

/**
 * Adds a (stale) row for every unit-year with targets that has none: data stored without an audit
 * entry (a bulk load, a restore) is found here rather than missed for ever.
 */
export async function insertMissingSummaries(db: Executor): Promise<number> {
  const result = await sql`
    insert into unit_year_summaries (unit_id, fiscal_year, stale)
    select d.unit_id, d.fiscal_year, true from target_documents d
     where not exists (select 1 from unit_year_summaries s where s.unit_id = d.unit_id and s.fiscal_year = d.fiscal_year)
    on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Claims up to `limit` rows needing work and locks them until the caller's transaction ends;
 * rows another process holds are skipped (SKIP LOCKED), so several servers share the sweep. A
 * write that marks a claimed row stale waits for the claim and marks it again afterwards.
 */
export async function claimSummaries(
  db: Executor,
  options: {
    limit: number;
    today: string;
    includeOutdated: boolean;
    keys?: readonly { unitCode: string; fiscalYear: number }[];
  },
): Promise<SummaryHead[]> {
  const due = options.includeOutdated
    ? sql`(s.stale or s.computed_on is null or s.computed_on < ${options.today})`
    : sql`s.stale`;
  const keyed =
    options.keys === undefined
      ? sql`true`
      : options.keys.length === 0
        ? sql`false`
        : sql`(u.code, s.fiscal_year) in (${sql.join(options.keys.map((k) => sql`(${k.unitCode}, ${k.fiscalYear}::int)`))})`;
  const result = await sql<{
    unit_id: number;
    fiscal_year: number;
    code: string;
    name: string;
    parent_id: number | null;
    document_id: number | null;
    state: string | null;
    updated_at: Date | null;
  }>`
    select s.unit_id, s.fiscal_year, u.code, u.name, u.parent_id, d.id as document_id, w.state, w.updated_at
      from unit_year_summaries s
      join units u on u.id = s.unit_id
      left join target_documents d on d.unit_id = s.unit_id and d.fiscal_year = s.fiscal_year
      left join target_workflows w on w.document_id = d.id
     where ${due} and ${keyed}
     order by s.unit_id, s.fiscal_year
     limit ${options.limit}
       for update of s skip locked`.execute(db);
  return result.rows.map((r) => ({
    unitId: r.unit_id,
    fiscalYear: r.fiscal_year,
    unitCode: r.code,
    unitName: r.name,
    parentId: r.parent_id,
    documentId: r.document_id,
    workflowState: r.state,
    workflowUpdatedAt: r.updated_at === null ? null : new Date(r.updated_at),
  }));
}

export async function saveSummary(
  db: Executor,
  key: { unitId: number; fiscalYear: number },
  values: SummaryValues,
): Promise<void> {
  await db
    .updateTable('unit_year_summaries')
    .set(values)
    .where('unit_id', '=', key.unitId)
    .where('fiscal_year', '=', key.fiscalYear)
    .execute();
}

/** Rows whose unit-year no longer has targets (deleted, or an audit entry for a year never imported). */
export async function deleteSummaries(
  db: Executor,
  keys: readonly { unitId: number; fiscalYear: number }[],
): Promise<void> {
  if (keys.length === 0) return;
  await sql`delete from unit_year_summaries where (unit_id, fiscal_year) in (${sql.join(keys.map((k) => sql`(${k.unitId}::int, ${k.fiscalYear}::int)`))})`.execute(
    db,
  );
}

/** How many rows still wait for a refresh (stale, never computed, or computed before `today`). */
export async function countDueSummaries(db: Executor, today: string): Promise<number> {
  const result = await sql<{ n: string }>`
    select count(*)::text as n from unit_year_summaries where stale or computed_on is null or computed_on < ${today}`.execute(
    db,
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** A cheap probe (the partial index on stale rows) so a read pays for a refresh only when one is due. */
export async function hasStaleSummaries(db: Executor): Promise<boolean> {
  const result = await sql<{
    due: boolean;
  }>`select exists (select 1 from unit_year_summaries where stale) as due`.execute(db);
  return result.rows[0]?.due === true;
}
