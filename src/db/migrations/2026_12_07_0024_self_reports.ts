import { type Kysely, sql } from 'kysely';

/**
 * 自评报告 (decision 046): the unit's edited text per report (a project's code, '' for the department's report) and
 * section, compare-and-set by `version`; and the versions frozen when the 自评表 is finalised — the stored text and
 * the figures it was written from, so a final report prints the same later. Both are unit-year tables: a closed
 * year refuses writes (decision 038).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('self_report_sections')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('report_key', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) =>
      c.notNull().check(sql`section in ('basics', 'goals', 'deviation', 'improvement', 'results')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('self_report_sections_pkey', ['unit_id', 'fiscal_year', 'report_key', 'section'])
    .execute();
  await db.schema
    .createTable('self_report_versions')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('frozen_by', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('self_report_versions_pkey', ['unit_id', 'fiscal_year', 'version'])
    .execute();
  for (const table of ['self_report_sections', 'self_report_versions']) {
    for (const [event, transition] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      await sql
        .raw(
          `create trigger ${table}_closed_year_${event} after ${event} on ${table}
             referencing ${transition} table as changed
             for each statement execute function jixiao_refuse_closed_year('unit')`,
        )
        .execute(db);
    }
  }
}
