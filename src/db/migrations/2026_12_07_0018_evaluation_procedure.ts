import { type Kysely, sql } from 'kysely';

/**
 * 自评 as a procedure (issue 16, decision 035, 财预〔2020〕10号):
 * - the unit-year's status gains `submitted` (locked, awaiting the department) and `reviewed` (the
 *   department approved; the bureau re-checks a sample, then finalises); `recheck` marks a unit-year the
 *   bureau selected for 复核, `review_comment` the department's last return (or the reopen reason);
 * - per project: 全年执行数 其中 财政拨款 / 其他资金 as entered in the 自评表, and per-project category points;
 * - per indicator: the evaluator's band choice (达成/部分达成/未达成), the score inside it, the reason,
 *   and the confirmation that an actual like 0.95 means 0.95 %;
 * - the bureau's re-scores (one row per indicator it changed, with its reason; the unit's values stay);
 * - the bureau's sample draws (method, parameters, who was picked) and the evidence files (bytea).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table evaluation_unit_years drop constraint if exists evaluation_unit_years_status_check`.execute(db);
  await db.schema
    .alterTable('evaluation_unit_years')
    .addCheckConstraint(
      'evaluation_unit_years_status_check',
      sql`status in ('draft', 'submitted', 'reviewed', 'final')`,
    )
    .execute();
  await db.schema
    .alterTable('evaluation_unit_years')
    .addColumn('recheck', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('evaluation_projects')
    .addColumn('spent_fiscal', 'numeric(18, 2)')
    .addColumn('spent_other', 'numeric(18, 2)')
    .addColumn('category_points', 'json')
    .execute();
  await db.schema
    .alterTable('evaluation_indicators')
    .addColumn('band', 'text', (c) => c.check(sql`band in ('achieved', 'partly', 'notAchieved')`))
    .addColumn('band_percent', 'numeric(7, 4)', (c) =>
      c.check(sql`band_percent is null or (band_percent >= 0 and band_percent <= 100)`),
    )
    .addColumn('score_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('percent_confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('evaluation_rechecks')
    .addColumn('unit_id', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('indicator_name', 'text', (c) => c.notNull())
    .addColumn('actual', 'text')
    .addColumn('band', 'text', (c) => c.check(sql`band in ('achieved', 'partly', 'notAchieved')`))
    .addColumn('band_percent', 'numeric(7, 4)')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('evaluation_rechecks_pkey', ['unit_id', 'fiscal_year', 'project_code', 'indicator_name'])
    .addForeignKeyConstraint(
      'evaluation_rechecks_year_fkey',
      ['unit_id', 'fiscal_year'],
      'evaluation_unit_years',
      ['unit_id', 'fiscal_year'],
      (c) => c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('evaluation_samples')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('random', 'rule')`))
    .addColumn('parameters', 'json', (c) => c.notNull())
    .addColumn('selected', 'json', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('evaluation_attachments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('evaluation_attachments_project_idx')
    .on('evaluation_attachments')
    .columns(['unit_id', 'fiscal_year', 'project_code'])
    .execute();
}
