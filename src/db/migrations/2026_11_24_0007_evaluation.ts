import { type Kysely, sql } from 'kysely';

/**
 * 单位自评 (decision 010). Like monitoring, rows are keyed by unit, fiscal year and project CODE
 * (and indicator NAME), so a re-import of the targets does not wipe the year's evaluation. The
 * adjusted budget and the amount spent are not stored here: they are monitoring's (one source of
 * truth: the spending ledger and its budget adjustments). Scores are computed on read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evaluation_unit_years')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull().check(sql`fiscal_year between 1990 and 2100`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'final')`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('evaluation_unit_years_pkey', ['unit_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('evaluation_projects')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('execution_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('evaluation_projects_pkey', ['unit_id', 'fiscal_year', 'project_code'])
    .addForeignKeyConstraint(
      'evaluation_projects_year_fkey',
      ['unit_id', 'fiscal_year'],
      'evaluation_unit_years',
      ['unit_id', 'fiscal_year'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('evaluation_indicators')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('indicator_name', 'text', (c) => c.notNull())
    .addColumn('actual', 'text')
    .addColumn('not_applicable', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('deviation_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('improvement_measures', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('weight', 'numeric(7, 4)', (c) => c.check(sql`weight is null or (weight >= 0 and weight <= 100)`))
    .addPrimaryKeyConstraint('evaluation_indicators_pkey', ['unit_id', 'fiscal_year', 'project_code', 'indicator_name'])
    .addForeignKeyConstraint(
      'evaluation_indicators_project_fkey',
      ['unit_id', 'fiscal_year', 'project_code'],
      'evaluation_projects',
      ['unit_id', 'fiscal_year', 'project_code'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
}
