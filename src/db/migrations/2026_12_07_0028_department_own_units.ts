import type { Kysely } from 'kysely';

/**
 * 部门本级 (decision 049): a unit marked as its department's own — the department's own budget, not a
 * subordinate unit's. Its targets and 自评 are reviewed first by the department's own reviewers (stage `self`),
 * then the bureau, the same order as any unit under the department; only the chain's words differ. Every
 * existing unit is an ordinary one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('units')
    .addColumn('department_own', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}
