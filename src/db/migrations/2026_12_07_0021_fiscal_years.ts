import { type Kysely, sql } from 'kysely';

/**
 * Fiscal years (decision 038): a bureau opens a year for its organisation tree with its stage deadlines and
 * closes it. No row = an open year without deadlines, so the data of every install from before keeps working.
 *
 * A closed year is read-only, and the database says so: a statement-level trigger on every table that holds a
 * unit-year's targets, workflow, monitoring or 自评 refuses a write touching a closed year with SQLSTATE JX423,
 * which inTransaction turns into LOCKED (423). One check per statement (transition tables), none at all while
 * no year is closed; a restore switches user triggers off, so it still puts closed years back.
 */
const UNIT_YEAR_TABLES = [
  'target_documents',
  'monitoring_spending',
  'monitoring_budget_adjustments',
  'monitoring_indicator_progress',
  'monitoring_projects',
  'monitoring_project_entries',
  'monitoring_submissions',
  'monitoring_actions',
  'evaluation_unit_years',
  'evaluation_projects',
  'evaluation_indicators',
  'evaluation_rechecks',
  'evaluation_attachments',
];
const DOCUMENT_TABLES = [
  'projects',
  'target_workflows',
  'workflow_transitions',
  'review_comments',
  'adjustment_requests',
  'review_opinions',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fiscal_years')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1990 and 2100`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'closed')`),
    )
    .addColumn('deadline_targets', 'date')
    .addColumn('deadline_monitoring', 'date')
    .addColumn('deadline_evaluation', 'date')
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('reopen_reason', 'text')
    .addPrimaryKeyConstraint('fiscal_years_pkey', ['organisation_id', 'year'])
    .execute();

  // The first closed year among the changed rows' (unit, year): closed when any organisation above the unit
  // (its bureau: only bureaus have rows) closed it. The transition table is always named `changed`.
  await sql`
    create function jixiao_refuse_closed_year() returns trigger language plpgsql as $$
    declare
      closed integer;
      unit_years text;
    begin
      if not exists (select 1 from fiscal_years where status = 'closed') then return null; end if;
      unit_years := case tg_argv[0]
        when 'document' then 'select d.unit_id, d.fiscal_year from changed c join target_documents d on d.id = c.document_id'
        else 'select c.unit_id, c.fiscal_year from changed c' end;
      execute format($q$
        with recursive touched as (%s),
        chain(unit_id, fiscal_year, org_id, depth) as (
          select t.unit_id, t.fiscal_year, u.parent_id, 1 from (select distinct * from touched) t join units u on u.id = t.unit_id
          union all
          select c.unit_id, c.fiscal_year, o.parent_id, c.depth + 1
            from chain c join organisations o on o.id = c.org_id where c.depth < 16
        )
        select min(f.year) from chain c
          join fiscal_years f on f.organisation_id = c.org_id and f.year = c.fiscal_year and f.status = 'closed'$q$,
        unit_years) into closed;
      if closed is not null then
        raise exception '% 年度已关闭，只能查看', closed using errcode = 'JX423';
      end if;
      return null;
    end $$`.execute(db);

  for (const [tables, key] of [
    [UNIT_YEAR_TABLES, 'unit'],
    [DOCUMENT_TABLES, 'document'],
  ] as const) {
    for (const table of tables) {
      for (const [event, transition] of [
        ['insert', 'new'],
        ['update', 'new'],
        ['delete', 'old'],
      ] as const) {
        await sql
          .raw(
            `create trigger ${table}_closed_year_${event} after ${event} on ${table}
               referencing ${transition} table as changed
               for each statement execute function jixiao_refuse_closed_year('${key}')`,
          )
          .execute(db);
      }
    }
  }
}
