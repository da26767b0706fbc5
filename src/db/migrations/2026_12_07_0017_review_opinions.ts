import { type Kysely, sql } from 'kysely';

/**
 * The reviewer's 绩效目标审核意见表 (财预〔2015〕88号, decision 033) and adjustment through approval.
 *
 * - review_opinions: append-only forms, one row per recording; the latest row per document, round,
 *   level and item (project_code, null = the overall targets) is the current form, the rest history.
 * - The workflow gains the state 'adjustment-requested' (an adjustment waits for the bureau's
 *   agreement while the approved targets stay locked), and an adjustment request can be 'rejected'.
 */
const STATES = sql`('draft', 'submitted', 'department-reviewed', 'approved', 'returned', 'adjustment-requested', 'adjusting')`;
const GRADES = sql`('优', '良', '中', '差')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('review_opinions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('target_documents.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('department', 'bureau')`))
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round > 0`))
    .addColumn('project_code', 'text')
    .addColumn('completeness', 'text', (c) => c.notNull().check(sql`completeness in ${GRADES}`))
    .addColumn('relevance', 'text', (c) => c.notNull().check(sql`relevance in ${GRADES}`))
    .addColumn('appropriateness', 'text', (c) => c.notNull().check(sql`appropriateness in ${GRADES}`))
    .addColumn('feasibility', 'text', (c) => c.notNull().check(sql`feasibility in ${GRADES}`))
    .addColumn('overall', 'text', (c) => c.notNull().check(sql`overall in ${GRADES}`))
    .addColumn('opinion', 'text', (c) => c.notNull().check(sql`length(trim(opinion)) > 0`))
    .addColumn('consultation_note', 'text')
    .addColumn('reviewer_id', 'integer')
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('review_opinions_document_idx')
    .on('review_opinions')
    .columns(['document_id', 'round', 'level', 'id'])
    .execute();

  for (const [table, column] of [
    ['target_workflows', 'state'],
    ['workflow_transitions', 'from_state'],
    ['workflow_transitions', 'to_state'],
  ] as const) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(`${table}_${column}_check`)}`.execute(
      db,
    );
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(`${table}_${column}_check`)} check (${sql.ref(column)} in ${STATES})`.execute(
      db,
    );
  }
  await sql`alter table adjustment_requests drop constraint if exists adjustment_requests_state_check`.execute(db);
  await sql`alter table adjustment_requests add constraint adjustment_requests_state_check check (state in ('open', 'approved', 'rejected'))`.execute(
    db,
  );
}
