import { type Kysely, sql } from 'kysely';

/**
 * The organisation tree is managed in the product (decision 020): bureaus, departments and units
 * can be deactivated (kept with their history, hidden from pickers and new assignments) and carry
 * a version for compare-and-set writes (If-Match), like projects. Who changed what is in audit_log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['organisations', 'units']) {
    await db.schema
      .alterTable(table)
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('version', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(1)
          .check(sql`version > 0`),
      )
      .execute();
  }
}
