import { type Kysely, sql } from 'kysely';

/**
 * 部门整体支出绩效自评表 (decision 045): one row per unit-year, the unit's form as JSON (budget execution by
 * source, the overall indicators' actuals, the management items' scores), the bureau's 复核 re-score beside it,
 * the procedure's status (the project 自评's states) and a version for compare-and-set. A closed year refuses
 * writes like every unit-year table (decision 038).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('department_evaluations')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'submitted', 'reviewed', 'final')`),
    )
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('recheck', 'jsonb')
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('department_evaluations_pkey', ['unit_id', 'fiscal_year'])
    .execute();
  for (const [event, transition] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const) {
    await sql
      .raw(
        `create trigger department_evaluations_closed_year_${event} after ${event} on department_evaluations
           referencing ${transition} table as changed
           for each statement execute function jixiao_refuse_closed_year('unit')`,
      )
      .execute(db);
  }
}
