import { sql } from 'kysely';
import type { CommentRow, VersionRow } from './workflow.repo.ts';
import type { Executor } from './schema.ts';

/**
 * Paged reads of a unit-year's workflow lists (versions, review comments) for the HTTP list
 * endpoints. Each is one statement: the page and count(*) over the matching rows, served by the
 * (document_id, number) and (document_id, id) indexes.
 */

interface Slice {
  limit: number;
  offset: number;
}

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function totalOf(rows: { total: string }[], slice: Slice, recount: () => Promise<number>): Promise<number> | number {
  if (rows.length > 0) return Number(rows[0]!.total);
  return slice.offset === 0 ? 0 : recount();
}

/** A page of the document's numbered snapshots, oldest first. */
export async function findVersionPage(
  db: Executor,
  documentId: number,
  slice: Slice,
): Promise<{ items: VersionRow[]; total: number }> {
  const rows = await db
    .selectFrom('target_versions')
    .select([
      'number',
      'at',
      'actor_name',
      'action',
      'state',
      'document_version',
      sql<string>`count(*) over ()`.as('total'),
    ])
    .where('document_id', '=', documentId)
    .orderBy('number')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  const items = rows.map((r) => ({
    number: r.number,
    at: iso(r.at),
    actorName: r.actor_name,
    action: r.action,
    state: r.state,
    documentVersion: r.document_version,
  }));
  const total = await totalOf(rows, slice, async () => {
    const row = await db
      .selectFrom('target_versions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
  return { items, total };
}

export interface CommentFilter {
  /** Only comments on this project (its indicators included). */
  projectCode?: string;
}

function comments(db: Executor, documentId: number, filter: CommentFilter) {
  let query = db.selectFrom('review_comments').where('document_id', '=', documentId);
  if (filter.projectCode !== undefined) query = query.where('project_code', '=', filter.projectCode);
  return query;
}

/** A page of the document's review comments, oldest first. */
export async function findCommentPage(
  db: Executor,
  documentId: number,
  filter: CommentFilter,
  slice: Slice,
): Promise<{ items: CommentRow[]; total: number }> {
  const rows = await comments(db, documentId, filter)
    .selectAll()
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('id')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    actorName: r.actor_name,
    actorRole: r.actor_role,
    state: r.state,
    projectCode: r.project_code,
    indicatorIndex: r.indicator_index,
    body: r.body,
    transitionId: r.transition_id,
  }));
  const total = await totalOf(rows, slice, async () => {
    const row = await comments(db, documentId, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
  return { items, total };
}
