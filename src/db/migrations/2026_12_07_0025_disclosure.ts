import { type Kysely, sql } from 'kysely';

/**
 * Disclosure (decision 047). `disclosure_policies`: per bureau and year, which documents each package holds,
 * from when published packages are public, whether units publish themselves. `disclosure_packages`: one row per
 * published version of a unit-year's package (budget | final), its manifest as published; withdrawing marks it.
 * `disclosure_files`: the bytes as rendered at publishing, so later edits never change what was published.
 * No closed-year trigger (decision 038) on these tables: disclosure happens after the year closes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('disclosure_policies')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('documents', 'jsonb', (c) => c.notNull())
    .addColumn('publish_at', 'timestamptz')
    .addColumn('units_may_publish', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('disclosure_policies_pk', ['organisation_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('disclosure_packages')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('budget', 'final')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('manifest', 'jsonb', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdraw_reason', 'text')
    .addUniqueConstraint('disclosure_packages_version_uq', ['unit_id', 'fiscal_year', 'kind', 'version'])
    .execute();
  await db.schema
    .createTable('disclosure_files')
    .addColumn('package_id', 'bigint', (c) => c.notNull().references('disclosure_packages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_files_pk', ['package_id', 'name'])
    .execute();
  // The public index: a bureau-year's published packages.
  await sql`create index disclosure_packages_year_idx on disclosure_packages (fiscal_year, unit_id)`.execute(db);
}
