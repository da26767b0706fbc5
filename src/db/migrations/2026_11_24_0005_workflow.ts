import { type Kysely, sql } from 'kysely';

/**
 * The review workflow of target documents (decision 008): the current state per document with a
 * version for compare-and-set, the history of transitions, reviewers' comments, full snapshots
 * at every submit and approve, and adjustment requests. A document without a workflow row is a
 * draft. Everything hangs off target_documents, whose row a re-import keeps, so history survives it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const states = sql`('draft', 'submitted', 'department-reviewed', 'approved', 'returned', 'adjusting')`;
  await db.schema
    .createTable('target_workflows')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('target_documents.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ${states}`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('workflow_transitions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('target_documents.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull().check(sql`from_state in ${states}`))
    .addColumn('to_state', 'text', (c) => c.notNull().check(sql`to_state in ${states}`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('workflow_transitions_document_idx')
    .on('workflow_transitions')
    .columns(['document_id', 'id'])
    .execute();

  await db.schema
    .createTable('review_comments')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('target_documents.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text')
    .addColumn('indicator_index', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('transition_id', 'integer', (c) => c.references('workflow_transitions.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('review_comments_document_idx')
    .on('review_comments')
    .columns(['document_id', 'id'])
    .execute();

  await db.schema
    .createTable('target_versions')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('target_documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('document_version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_versions_pkey', ['document_id', 'number'])
    .execute();

  await db.schema
    .createTable('adjustment_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('target_documents.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'approved')`))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  // At most one adjustment in progress per document.
  await sql`create unique index adjustment_requests_open_idx on adjustment_requests (document_id) where state = 'open'`.execute(
    db,
  );
}
