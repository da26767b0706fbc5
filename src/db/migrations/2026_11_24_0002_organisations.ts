import { type Kysely, sql } from 'kysely';

/**
 * The organisation tree: 财政局 (bureau) → 主管部门 (department) → 预算单位 (unit). Units keep their
 * own table (they own target documents); a unit's parent is a department or directly a bureau.
 * Policies (review thresholds, monitoring checkpoint, scoring weights…) belong to a bureau, one JSON
 * body per kind, validated by the use-case that reads it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('bureau', 'department')`))
    .addColumn('parent_id', 'integer', (c) => c.references('organisations.id').onDelete('restrict'))
    .execute();

  await db.schema
    .alterTable('units')
    .addColumn('parent_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('policies')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('policies_pkey', ['organisation_id', 'kind'])
    .execute();
}
