import type { ColumnType, Generated } from 'kysely';
import type { WorkflowAction, WorkflowState } from '../domain/workflow/states.ts';

type CreatedAt = ColumnType<Date, never, never>;

export interface TargetWorkflowsTable {
  document_id: number;
  state: WorkflowState;
  /** Bumped by every transition: a client's transition names the version it saw (compare-and-set). */
  version: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export interface WorkflowTransitionsTable {
  id: Generated<number>;
  document_id: number;
  at: CreatedAt;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  action: WorkflowAction;
  from_state: WorkflowState;
  to_state: WorkflowState;
  comment: ColumnType<string, string | undefined, never>;
}

export interface ReviewCommentsTable {
  id: Generated<number>;
  document_id: number;
  at: CreatedAt;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  /** The workflow state when the comment was written. */
  state: WorkflowState;
  /** Null: about the whole document. */
  project_code: string | null;
  /** With a project: the indicator's position (0-based); null: the whole project. */
  indicator_index: number | null;
  body: string;
  transition_id: number | null;
}

export interface TargetVersionsTable {
  document_id: number;
  /** 1, 2, 3… per document. */
  number: number;
  at: CreatedAt;
  actor_name: string;
  action: WorkflowAction;
  state: WorkflowState;
  /** The document's edit version at the time (target_documents.version). */
  document_version: number;
  /** The whole document in the exchange format (jixiao/targets@1), written as JSON text. */
  snapshot: ColumnType<unknown, string, never>;
}

export interface AdjustmentRequestsTable {
  id: Generated<number>;
  document_id: number;
  at: CreatedAt;
  requested_by: string;
  reason: string;
  state: 'open' | 'approved' | 'rejected';
  closed_at: ColumnType<Date | null, never, Date | string>;
}

export interface WorkflowTables {
  target_workflows: TargetWorkflowsTable;
  workflow_transitions: WorkflowTransitionsTable;
  review_comments: ReviewCommentsTable;
  target_versions: TargetVersionsTable;
  adjustment_requests: AdjustmentRequestsTable;
}
