import { type Kysely, sql } from 'kysely';

/**
 * Every write names the version it was based on (decision 023).
 *
 * - evaluation_unit_years gets a `version`: the 自评表 is read and saved whole, so one version per
 *   unit-year (0 = nothing stored yet). Its updated_by / updated_at say who saved last.
 * - monitoring_projects holds one version per monitored project (unit, year, code) with who and when:
 *   spending, indicator progress and budget adjustments of a project are entered together on one
 *   form, so they share its version; two projects of a unit are edited independently.
 * - evaluation_indicators follows a renamed project code (ON UPDATE CASCADE), so renaming a project
 *   moves its evaluation in one UPDATE of evaluation_projects (see projects.repo.ts renameProjectCode).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('evaluation_unit_years')
    .addColumn('version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`version > 0`),
    )
    .execute();

  await db.schema
    .createTable('monitoring_projects')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull().check(sql`fiscal_year between 1990 and 2100`))
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`version > 0`),
    )
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('monitoring_projects_pkey', ['unit_id', 'fiscal_year', 'project_code'])
    .execute();

  await db.schema.alterTable('evaluation_indicators').dropConstraint('evaluation_indicators_project_fkey').execute();
  await db.schema
    .alterTable('evaluation_indicators')
    .addForeignKeyConstraint(
      'evaluation_indicators_project_fkey',
      ['unit_id', 'fiscal_year', 'project_code'],
      'evaluation_projects',
      ['unit_id', 'fiscal_year', 'project_code'],
      (c) => c.onDelete('cascade').onUpdate('cascade'),
    )
    .execute();
}
