import { type Kysely, sql } from 'kysely';

/** Progress of long-running work, shared by every server process (see src/db/jobs.schema.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer')
    .addColumn('org_code', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('total', 'integer', (c) => c.notNull().check(sql`total >= 0`))
    .addColumn('done', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`done >= 0`),
    )
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('running')
        .check(sql`state in ('running', 'succeeded', 'failed')`),
    )
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Old finished jobs are pruned by age; a user's recent jobs are looked up by owner.
  await db.schema.createIndex('jobs_owner_created_idx').on('jobs').columns(['owner_id', 'created_at']).execute();
}
