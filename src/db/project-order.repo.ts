import { sql } from 'kysely';
import type { Executor } from './schema.ts';

/** The projects of a document by code, in their order (position). */
export async function listProjectCodes(db: Executor, documentId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('projects')
    .select('code')
    .where('document_id', '=', documentId)
    .orderBy('position')
    .execute();
  return rows.map((row) => row.code);
}

/**
 * Gives each project the position of its code in `codes` (which names every project of the document once).
 * Two statements: (document_id, position) is unique and checked row by row, so a single UPDATE that swaps two
 * positions would trip over its own intermediate state; negative positions first clear the way.
 */
export async function storeProjectOrder(db: Executor, documentId: number, codes: readonly string[]): Promise<void> {
  await db
    .updateTable('projects')
    .set({ position: sql<number>`-1 - position` })
    .where('document_id', '=', documentId)
    .execute();
  await sql`
    update projects p set position = n.position
      from unnest(${[...codes]}::text[]) with ordinality as n(code, position)
     where p.document_id = ${documentId} and p.code = n.code`.execute(db);
}
