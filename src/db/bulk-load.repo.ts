import { type Insertable, type RawBuilder, sql } from 'kysely';
import type { WorkflowState } from '../domain/workflow/states.ts';
import type {
  EvaluationIndicatorsTable,
  EvaluationProjectsTable,
  EvaluationUnitYearsTable,
} from './evaluation.schema.ts';
import type { MonitoringIndicatorProgressTable, MonitoringSpendingTable } from './monitoring.schema.ts';
import type { OpinionGrade, OpinionLevel } from '../domain/review/opinion.ts';
import type { Executor, Schema } from './schema.ts';

/**
 * Set-based writes for the data generator (decision 014): many units' monitoring, evaluation and
 * workflow rows in a few multi-row statements instead of one usecase call per row. Targets do not
 * come through here: they go through importTargets, the one path that stores targets.
 */
type Column = readonly [name: string, pgType: string];

/** Rows per statement: bounded so that one statement's arrays stay a few MB. */
const ROWS_PER_STATEMENT = 20_000;

/**
 * One INSERT … SELECT FROM unnest($1::type[], $2::type[], …) per chunk: one bind parameter per
 * column whatever the row count, so PostgreSQL parses a short statement instead of tens of
 * thousands of placeholders (which cost more than the insert itself).
 */
async function insertUnnest<T extends keyof Schema & string>(
  db: Executor,
  table: T,
  columns: readonly Column[],
  rows: Insertable<Schema[T]>[],
): Promise<void> {
  const names = sql.join(columns.map(([name]) => sql.ref(name)));
  for (const arrays of unnestChunks(columns, rows as object[])) {
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`.execute(db);
  }
}

/** The rows as one typed array per column, ROWS_PER_STATEMENT rows at a time: the arguments of unnest(…). */
function* unnestChunks(columns: readonly Column[], rows: readonly object[]): Generator<RawBuilder<unknown>> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    yield sql.join(columns.map(([name, type]) => sql`${chunk.map((row) => row[name] ?? null)}::${sql.raw(type)}[]`));
  }
}

const SPENDING: readonly Column[] = [
  ['unit_id', 'integer'],
  ['fiscal_year', 'integer'],
  ['project_code', 'text'],
  ['month', 'integer'],
  ['source', 'text'],
  ['amount', 'numeric'],
];
const PROGRESS: readonly Column[] = [
  ['unit_id', 'integer'],
  ['fiscal_year', 'integer'],
  ['project_code', 'text'],
  ['indicator_name', 'text'],
  ['month', 'integer'],
  ['value_to_date', 'text'],
  ['forecast', 'text'],
  ['likelihood', 'text'],
  ['deviation_category', 'text'],
  ['reason', 'text'],
  ['measures', 'text'],
  ['updated_by', 'text'],
];
const EVALUATION_YEARS: readonly Column[] = [
  ['unit_id', 'integer'],
  ['fiscal_year', 'integer'],
  ['status', 'text'],
  ['updated_by', 'text'],
];
const EVALUATION_PROJECTS: readonly Column[] = [
  ['unit_id', 'integer'],
  ['fiscal_year', 'integer'],
  ['project_code', 'text'],
  ['execution_reason', 'text'],
];
const EVALUATION_INDICATORS: readonly Column[] = [
  ['unit_id', 'integer'],
  ['fiscal_year', 'integer'],
  ['project_code', 'text'],
  ['indicator_name', 'text'],
  ['actual', 'text'],
  ['not_applicable', 'boolean'],
  ['band', 'text'],
  ['deviation_reason', 'text'],
  ['improvement_measures', 'text'],
  ['weight', 'numeric'],
];

const OPINIONS: readonly Column[] = [
  ['unit_id', 'integer'],
  ['level', 'text'],
  ['project_code', 'text'],
  ['completeness', 'text'],
  ['relevance', 'text'],
  ['appropriateness', 'text'],
  ['feasibility', 'text'],
  ['overall', 'text'],
  ['opinion', 'text'],
  ['consultation_note', 'text'],
  ['reviewer_name', 'text'],
];

/** A generated 审核意见表 of a unit's document for the year (decision 033), by unit rather than document id. */
export interface GeneratedOpinionRow {
  unit_id: number;
  level: OpinionLevel;
  project_code: string | null;
  completeness: OpinionGrade;
  relevance: OpinionGrade;
  appropriateness: OpinionGrade;
  feasibility: OpinionGrade;
  overall: OpinionGrade;
  opinion: string;
  consultation_note: string | null;
  reviewer_name: string;
}

/** The bureau, then its departments, created or renamed in two statements. */
export async function upsertOrganisationTree(
  db: Executor,
  bureau: { code: string; name: string },
  departments: readonly { code: string; name: string }[],
): Promise<void> {
  const bureauRow = await db
    .insertInto('organisations')
    .values({ code: bureau.code, name: bureau.name, kind: 'bureau', parent_id: null })
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: bureau.name, kind: 'bureau', parent_id: null }))
    .returning('id')
    .executeTakeFirstOrThrow();
  if (departments.length === 0) return;
  await db
    .insertInto('organisations')
    .values(
      departments.map((d) => ({ code: d.code, name: d.name, kind: 'department' as const, parent_id: bureauRow.id })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        parent_id: eb.ref('excluded.parent_id'),
      })),
    )
    .execute();
}

export async function unitIdsByCode(db: Executor, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Places each unit under its department, in one statement. */
export async function placeUnits(
  db: Executor,
  placements: readonly { unitCode: string; parentCode: string }[],
): Promise<void> {
  if (placements.length === 0) return;
  const values = sql.join(placements.map((p) => sql`(${p.unitCode}, ${p.parentCode})`));
  await sql`
    update units set parent_id = o.id
      from (values ${values}) as v(unit_code, org_code) join organisations o on o.code = v.org_code
     where units.code = v.unit_code`.execute(db);
}

export async function hasTargetsForYear(db: Executor, fiscalYear: number): Promise<boolean> {
  const row = await db
    .selectFrom('target_documents')
    .select('id')
    .where('fiscal_year', '=', fiscalYear)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Removes what an earlier generation stored for these units' year (monitoring, evaluation,
 * workflow), so that generating again replaces rather than collides. The workflow goes first:
 * targets under review or approved are locked against the import.
 */
export async function clearGeneratedYear(
  db: Executor,
  unitCodes: readonly string[],
  fiscalYear: number,
): Promise<void> {
  const ids = [...(await unitIdsByCode(db, unitCodes)).values()];
  if (ids.length === 0) return;
  const documents = db
    .selectFrom('target_documents')
    .select('id')
    .where('unit_id', 'in', ids)
    .where('fiscal_year', '=', fiscalYear);
  await db.deleteFrom('target_workflows').where('document_id', 'in', documents).execute();
  await db.deleteFrom('review_opinions').where('document_id', 'in', documents).execute();
  await db
    .deleteFrom('monitoring_spending')
    .where('unit_id', 'in', ids)
    .where('fiscal_year', '=', fiscalYear)
    .execute();
  await db
    .deleteFrom('monitoring_indicator_progress')
    .where('unit_id', 'in', ids)
    .where('fiscal_year', '=', fiscalYear)
    .execute();
  // evaluation_projects and evaluation_indicators go with their year (ON DELETE CASCADE).
  await db
    .deleteFrom('evaluation_unit_years')
    .where('unit_id', 'in', ids)
    .where('fiscal_year', '=', fiscalYear)
    .execute();
}

export async function insertSpending(db: Executor, rows: Insertable<MonitoringSpendingTable>[]): Promise<void> {
  await insertUnnest(db, 'monitoring_spending', SPENDING, rows);
}

export async function insertIndicatorProgress(
  db: Executor,
  rows: Insertable<MonitoringIndicatorProgressTable>[],
): Promise<void> {
  await insertUnnest(db, 'monitoring_indicator_progress', PROGRESS, rows);
}

export async function insertEvaluations(
  db: Executor,
  rows: {
    years: Insertable<EvaluationUnitYearsTable>[];
    projects: Insertable<EvaluationProjectsTable>[];
    indicators: Insertable<EvaluationIndicatorsTable>[];
  },
): Promise<void> {
  await insertUnnest(db, 'evaluation_unit_years', EVALUATION_YEARS, rows.years);
  await insertUnnest(db, 'evaluation_projects', EVALUATION_PROJECTS, rows.projects);
  await insertUnnest(db, 'evaluation_indicators', EVALUATION_INDICATORS, rows.indicators);
}

/** Sets the workflow state of each unit's document for the year (a draft has no row), in one statement. */
export async function setWorkflowStates(
  db: Executor,
  fiscalYear: number,
  states: readonly { unitId: number; state: WorkflowState; version: number }[],
): Promise<void> {
  const rows = states.filter((s) => s.state !== 'draft');
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(${r.unitId}::integer, ${r.state}::text, ${r.version}::integer)`));
  await sql`
    insert into target_workflows (document_id, state, version)
    select d.id, v.state, v.version
      from (values ${values}) as v(unit_id, state, version)
      join target_documents d on d.unit_id = v.unit_id and d.fiscal_year = ${fiscalYear}
    on conflict (document_id) do update set state = excluded.state, version = excluded.version, updated_at = now()`.execute(
    db,
  );
}

/**
 * The forms of each unit's document for the year in its first round (the generator records no
 * submit, and a document without one is in round 1): one INSERT … SELECT FROM unnest per chunk,
 * joined to the document by unit and year as setWorkflowStates does.
 */
export async function insertReviewOpinions(
  db: Executor,
  fiscalYear: number,
  rows: readonly GeneratedOpinionRow[],
): Promise<void> {
  const names = sql.join(OPINIONS.map(([name]) => sql.ref(name)));
  const values = sql.join(OPINIONS.filter(([name]) => name !== 'unit_id').map(([name]) => sql.ref(`v.${name}`)));
  for (const arrays of unnestChunks(OPINIONS, rows)) {
    await sql`
      insert into review_opinions (document_id, round, ${sql.join(OPINIONS.slice(1).map(([name]) => sql.ref(name)))})
      select d.id, 1, ${values}
        from unnest(${arrays}) as v(${names})
        join target_documents d on d.unit_id = v.unit_id and d.fiscal_year = ${fiscalYear}`.execute(db);
  }
}
