import { type Kysely, sql } from 'kysely';

/**
 * The bureau's read model (docs/decisions/013-read-model.md). One row per unit-year, recomputed
 * by src/usecases/refresh-summaries.ts. Staleness is marked by triggers, in the transaction of the
 * write itself, so no write path can forget it: every write records an audit entry with its unit
 * and year (src/db/audit.repo.ts); a policy or organisation change can alter every unit's figures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_year_summaries')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('stale', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('computed_at', 'timestamptz')
    .addColumn('computed_on', 'text')
    .addColumn('as_of_month', 'integer')
    .addColumn('error', 'text')
    .addColumn('unit_code', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('workflow_state', 'text')
    .addColumn('workflow_updated_at', 'timestamptz')
    .addColumn('review_grade', 'text')
    .addColumn('review_errors', 'integer')
    .addColumn('review_warnings', 'integer')
    .addColumn('project_count', 'integer')
    // float8: the exact JavaScript number the scorer produced, so SQL ranks ties as the domain does.
    .addColumn('mean_score', 'double precision')
    .addColumn('score_grade', 'text')
    .addColumn('incomplete', 'boolean')
    .addColumn('evaluated', 'boolean')
    .addColumn('grade_excellent', 'integer')
    .addColumn('grade_good', 'integer')
    .addColumn('grade_fair', 'integer')
    .addColumn('grade_poor', 'integer')
    .addColumn('grade_none', 'integer')
    .addColumn('year_end_budget_cents', 'bigint')
    .addColumn('year_end_spent_cents', 'bigint')
    .addColumn('year_end_rate', 'numeric(12, 2)')
    .addColumn('budget_cents', 'bigint')
    .addColumn('spent_cents', 'bigint')
    .addColumn('execution_rate', 'numeric(12, 2)')
    .addColumn('warnings_notice', 'integer')
    .addColumn('warnings_alert', 'integer')
    .addColumn('warnings_focus', 'integer')
    .addColumn('max_warning_rank', 'integer')
    .addColumn('open_warnings', 'integer')
    .addPrimaryKeyConstraint('unit_year_summaries_pkey', ['unit_id', 'fiscal_year'])
    .execute();

  // One index per sort and filter the bureau pages offer; every list is narrowed by year first.
  const index = (name: string, columns: string) =>
    sql.raw(`create index ${name} on unit_year_summaries (${columns})`).execute(db);
  await index('unit_year_summaries_score_idx', 'fiscal_year, mean_score desc nulls last, unit_code');
  await index('unit_year_summaries_year_end_rate_idx', 'fiscal_year, year_end_rate desc nulls last, unit_code');
  await index('unit_year_summaries_execution_idx', 'fiscal_year, execution_rate, unit_code');
  await index('unit_year_summaries_code_idx', 'fiscal_year, unit_code text_pattern_ops');
  await index('unit_year_summaries_state_idx', 'fiscal_year, workflow_state');
  await index('unit_year_summaries_review_grade_idx', 'fiscal_year, review_grade');
  await index('unit_year_summaries_score_grade_idx', 'fiscal_year, score_grade');
  await index('unit_year_summaries_warning_idx', 'fiscal_year, max_warning_rank');
  await index('unit_year_summaries_computed_on_idx', 'computed_on');
  await sql`create index unit_year_summaries_stale_idx on unit_year_summaries (unit_id, fiscal_year) where stale`.execute(
    db,
  );
  // Visibility and the department filter join units on their parent organisation.
  await sql`create index unit_year_summaries_units_parent_idx on units (parent_id)`.execute(db);

  await sql`
    create function unit_year_summaries_mark_from_audit() returns trigger language plpgsql as $$
    begin
      if new.unit_code is null then
        return null;
      elsif new.fiscal_year is null then
        update unit_year_summaries s set stale = true from units u where u.code = new.unit_code and s.unit_id = u.id;
      else
        insert into unit_year_summaries (unit_id, fiscal_year, stale)
          select u.id, new.fiscal_year, true from units u where u.code = new.unit_code
          on conflict (unit_id, fiscal_year) do update set stale = true;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger audit_log_marks_summaries after insert on audit_log
      for each row execute function unit_year_summaries_mark_from_audit()`.execute(db);

  await sql`
    create function unit_year_summaries_mark_all() returns trigger language plpgsql as $$
    begin
      update unit_year_summaries set stale = true where not stale;
      return null;
    end $$`.execute(db);
  // Policies are inherited down the tree, so one change may alter any unit's grade or warnings.
  await sql`
    create trigger policies_mark_summaries after insert or update or delete on policies
      for each statement execute function unit_year_summaries_mark_all()`.execute(db);
  await sql`
    create trigger organisations_mark_summaries after update of parent_id on organisations
      for each statement execute function unit_year_summaries_mark_all()`.execute(db);

  await sql`
    create function unit_year_summaries_mark_unit() returns trigger language plpgsql as $$
    begin
      update unit_year_summaries set stale = true where unit_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger units_mark_summaries after update of parent_id, name on units
      for each row execute function unit_year_summaries_mark_unit()`.execute(db);
}
