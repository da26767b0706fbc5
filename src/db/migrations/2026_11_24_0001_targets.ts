import { type Kysely, sql } from 'kysely';

/**
 * Targets of many units and fiscal years side by side. Children cascade from their parent so a
 * re-import or a project delete is one DELETE. Positions keep the order of the source document.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('target_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull().check(sql`fiscal_year between 1990 and 2100`))
    .addColumn('overall', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`version > 0`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('target_documents_unit_year_key', ['unit_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('target_documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('budget_total', 'numeric(18, 2)')
    .addColumn('budget_fiscal', 'numeric(18, 2)')
    .addColumn('budget_other', 'numeric(18, 2)')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('goals', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`version > 0`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('projects_document_code_key', ['document_id', 'code'])
    .addUniqueConstraint('projects_document_position_key', ['document_id', 'position'])
    .execute();

  await db.schema
    .createTable('spending_checkpoints')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull().check(sql`month between 1 and 12`))
    .addColumn('cumulative_percent', 'numeric')
    .addPrimaryKeyConstraint('spending_checkpoints_pkey', ['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('level1', 'text', (c) => c.notNull())
    .addColumn('level2', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('target_raw', 'text', (c) => c.notNull())
    .addColumn('target_op', 'text', (c) => c.check(sql`target_op in ('>=', '<=', '=', '>', '<', 'range')`))
    .addColumn('target_value', 'double precision')
    .addColumn('target_unit', 'text')
    .addColumn('target_min', 'double precision')
    .addColumn('target_max', 'double precision')
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.check(sql`category in ('output', 'benefit', 'satisfaction', 'cost')`))
    .addPrimaryKeyConstraint('indicators_pkey', ['project_id', 'position'])
    .execute();
}
