import type { Db } from '../db/database.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  type AdjustmentRow,
  type CommentRow,
  type TransitionRow,
  type VersionRow,
  findWorkflow,
  listAdjustments,
  listComments,
  listTransitions,
  listVersions,
} from '../db/workflow.repo.ts';
import { findDocumentRef } from '../db/documents.repo.ts';
import type { Actor } from '../domain/access.ts';
import {
  REVIEWER_ROLES,
  type WorkflowAction,
  type WorkflowState,
  allowedActions,
  isEditableState,
} from '../domain/workflow/states.ts';
import { targetsNotFound } from '../domain/not-found.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

export interface WorkflowView {
  unitCode: string;
  fiscalYear: number;
  state: WorkflowState;
  /** Send it back with a transition (compare-and-set). 0: never moved (draft). */
  stateVersion: number;
  editable: boolean;
  hasDepartment: boolean;
  /** What the given actor may do now (empty without an actor). */
  allowedActions: WorkflowAction[];
  /** Whether the given actor may add review comments (reviewers: department, bureau, admin). */
  canComment: boolean;
  history: TransitionRow[];
  comments: CommentRow[];
  versions: VersionRow[];
  adjustments: AdjustmentRow[];
}

/** A unit-year's workflow: state, what the actor may do, history, comments, versions and adjustments. */
export async function getWorkflowState(
  db: Db,
  input: { unitCode: string; fiscalYear: number; actor?: Actor | null },
): Promise<WorkflowView> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  return inTransaction(
    db,
    async (trx) => {
      const document = await findDocumentRef(trx, key.unitCode, key.fiscalYear);
      if (!document) throw targetsNotFound(key);
      const { state, version } = await findWorkflow(trx, document.id);
      const hasDepartment = (await ancestorsOfUnit(trx, key.unitCode)).some((a) => a.kind === 'department');
      return {
        ...key,
        state,
        stateVersion: version,
        editable: isEditableState(state),
        hasDepartment,
        allowedActions: input.actor ? allowedActions(state, input.actor.role, { hasDepartment }) : [],
        canComment: input.actor ? REVIEWER_ROLES.includes(input.actor.role) : false,
        history: await listTransitions(trx, document.id),
        comments: await listComments(trx, document.id),
        versions: await listVersions(trx, document.id),
        adjustments: await listAdjustments(trx, document.id),
      };
    },
    'repeatable read',
  );
}
