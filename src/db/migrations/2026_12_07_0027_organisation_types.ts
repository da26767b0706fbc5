import { type Kysely, sql } from 'kysely';

/**
 * Approval chains by organisation type (decision 049): each bureau or department carries a type (行政事业单位
 * by default, 工会 …) that decides whose decision ends a unit's chain under it (src/domain/workflow/chain.ts).
 * Existing organisations become 行政事业单位, so every chain stays 预算单位 → 主管部门 → 财政局.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('org_type', 'text', (c) =>
      c
        .notNull()
        .defaultTo('administrative')
        .check(sql`org_type in ('administrative', 'union')`),
    )
    .execute();
}
