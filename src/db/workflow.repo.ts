import { sql } from 'kysely';
import type { Actor } from '../domain/access.ts';
import type { WorkflowAction, WorkflowState } from '../domain/workflow/states.ts';
import type { Executor } from './schema.ts';

/** All SQL of the review workflow (decision 008). A document without a workflow row is a draft at version 0. */

/** Times leave the repository as ISO strings: the same text on both engines and over HTTP. */
function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export interface WorkflowRecord {
  state: WorkflowState;
  version: number;
}

/**
 * Locks the unit-year's document row for the rest of the transaction, the same lock every edit
 * takes (bumpDocumentVersion), so a transition and an edit never interleave.
 */
export async function lockDocumentRow(
  db: Executor,
  unitCode: string,
  fiscalYear: number,
): Promise<{ id: number; version: number } | undefined> {
  const result = await sql<{ id: number; version: number }>`
    select d.id, d.version from target_documents d join units u on u.id = d.unit_id
     where u.code = ${unitCode} and d.fiscal_year = ${fiscalYear}
       for update of d`.execute(db);
  return result.rows[0];
}

export async function findWorkflow(db: Executor, documentId: number): Promise<WorkflowRecord> {
  const row = await db
    .selectFrom('target_workflows')
    .select(['state', 'version'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row ?? { state: 'draft', version: 0 };
}

/** Compare-and-set: moves the state only if it is still at `expectedVersion`; returns the new version or undefined. */
export async function setWorkflowState(
  db: Executor,
  input: { documentId: number; expectedVersion: number; state: WorkflowState },
): Promise<number | undefined> {
  if (input.expectedVersion === 0) {
    const inserted = await db
      .insertInto('target_workflows')
      .values({ document_id: input.documentId, state: input.state, version: 1 })
      .onConflict((oc) => oc.column('document_id').doNothing())
      .returning('version')
      .executeTakeFirst();
    return inserted?.version;
  }
  const updated = await db
    .updateTable('target_workflows')
    .set({ state: input.state, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('document_id', '=', input.documentId)
    .where('version', '=', input.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

export interface TransitionRow {
  id: number;
  at: string;
  actorName: string;
  actorRole: string;
  action: WorkflowAction;
  from: WorkflowState;
  to: WorkflowState;
  comment: string;
}

export async function insertTransition(
  db: Executor,
  input: {
    documentId: number;
    actor: Actor;
    action: WorkflowAction;
    from: WorkflowState;
    to: WorkflowState;
    comment: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('workflow_transitions')
    .values({
      document_id: input.documentId,
      ...actorColumns(input.actor),
      action: input.action,
      from_state: input.from,
      to_state: input.to,
      comment: input.comment,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function actorColumns(actor: Actor) {
  return {
    actor_id: actor.userId === 0 ? null : actor.userId,
    actor_name: actor.displayName || actor.username,
    actor_role: actor.role,
  };
}

export async function listTransitions(db: Executor, documentId: number): Promise<TransitionRow[]> {
  const rows = await db
    .selectFrom('workflow_transitions')
    .select(['id', 'at', 'actor_name', 'actor_role', 'action', 'from_state', 'to_state', 'comment'])
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    actorName: r.actor_name,
    actorRole: r.actor_role,
    action: r.action,
    from: r.from_state,
    to: r.to_state,
    comment: r.comment,
  }));
}

export interface CommentTarget {
  projectCode: string | null;
  indicatorIndex: number | null;
}

export interface CommentRow extends CommentTarget {
  id: number;
  at: string;
  actorName: string;
  actorRole: string;
  state: WorkflowState;
  body: string;
  transitionId: number | null;
}

export async function insertComment(
  db: Executor,
  input: CommentTarget & {
    documentId: number;
    actor: Actor;
    state: WorkflowState;
    body: string;
    transitionId: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('review_comments')
    .values({
      document_id: input.documentId,
      ...actorColumns(input.actor),
      state: input.state,
      project_code: input.projectCode,
      indicator_index: input.indicatorIndex,
      body: input.body,
      transition_id: input.transitionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listComments(db: Executor, documentId: number): Promise<CommentRow[]> {
  const rows = await db
    .selectFrom('review_comments')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
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
}

export interface VersionRow {
  number: number;
  at: string;
  actorName: string;
  action: WorkflowAction;
  state: WorkflowState;
  documentVersion: number;
}

/** Appends the next numbered snapshot; the caller holds the document row lock, so numbers never collide. */
export async function insertVersion(
  db: Executor,
  input: {
    documentId: number;
    actor: Actor;
    action: WorkflowAction;
    state: WorkflowState;
    documentVersion: number;
    snapshot: unknown;
  },
): Promise<number> {
  const last = await db
    .selectFrom('target_versions')
    .select(sql<number>`coalesce(max(number), 0)::integer`.as('n'))
    .where('document_id', '=', input.documentId)
    .executeTakeFirstOrThrow();
  const number = last.n + 1;
  await db
    .insertInto('target_versions')
    .values({
      document_id: input.documentId,
      number,
      actor_name: actorColumns(input.actor).actor_name,
      action: input.action,
      state: input.state,
      document_version: input.documentVersion,
      snapshot: JSON.stringify(input.snapshot),
    })
    .execute();
  return number;
}

export async function listVersions(db: Executor, documentId: number): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('target_versions')
    .select(['number', 'at', 'actor_name', 'action', 'state', 'document_version'])
    .where('document_id', '=', documentId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    at: iso(r.at),
    actorName: r.actor_name,
    action: r.action,
    state: r.state,
    documentVersion: r.document_version,
  }));
}

export async function findVersionSnapshot(db: Executor, documentId: number, number: number): Promise<unknown> {
  const row = await db
    .selectFrom('target_versions')
    .select('snapshot')
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.snapshot;
}

export interface AdjustmentRow {
  id: number;
  at: string;
  requestedBy: string;
  reason: string;
  state: 'open' | 'approved' | 'rejected';
  closedAt: string | null;
}

export async function openAdjustment(
  db: Executor,
  input: { documentId: number; actor: Actor; reason: string },
): Promise<number> {
  const row = await db
    .insertInto('adjustment_requests')
    .values({
      document_id: input.documentId,
      requested_by: actorColumns(input.actor).actor_name,
      reason: input.reason,
      state: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Closes the open adjustment (if any): approved when its targets went through review again,
 * rejected when the bureau did not agree to reopen them.
 */
export async function closeAdjustment(
  db: Executor,
  documentId: number,
  outcome: 'approved' | 'rejected' = 'approved',
): Promise<void> {
  await db
    .updateTable('adjustment_requests')
    .set({ state: outcome, closed_at: sql<string>`now()` })
    .where('document_id', '=', documentId)
    .where('state', '=', 'open')
    .execute();
}

export async function listAdjustments(db: Executor, documentId: number): Promise<AdjustmentRow[]> {
  const rows = await db
    .selectFrom('adjustment_requests')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: iso(r.at),
    requestedBy: r.requested_by,
    reason: r.reason,
    state: r.state,
    closedAt: r.closed_at === null ? null : iso(r.closed_at),
  }));
}
