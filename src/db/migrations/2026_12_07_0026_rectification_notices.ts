import { type Kysely, sql } from 'kysely';

/**
 * 整改通知 (结果应用, decision 048): the bureau or a department tells a unit what to correct after a year's
 * results; the unit replies with text and evidence files. Deliberately without the closed-year trigger
 * (decision 038): rectification follows the results, so it happens after the year has closed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rectification_notices')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    // null: about the unit's whole year; else the project's code in that year.
    .addColumn('project_code', 'text')
    // The organisation that issued it (a bureau or department code; '' for the administrator): it reopens and closes.
    .addColumn('issuer_org', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('待整改')
        .check(sql`state in ('待整改', '整改中', '已整改', '已销号')`),
    )
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'text')
    .addColumn('replied_at', 'timestamptz')
    // The issuer's reason when it reopened the notice.
    .addColumn('reopen_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('rectification_notices_unit_year_idx')
    .on('rectification_notices')
    .columns(['unit_id', 'fiscal_year'])
    .execute();
  // The workbench's open notices by deadline.
  await sql`create index rectification_notices_open_idx on rectification_notices (deadline)
              where state in ('待整改', '整改中')`.execute(db);
  await db.schema
    .createTable('rectification_files')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('rectification_notices.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('rectification_files_notice_idx').on('rectification_files').column('notice_id').execute();
}
