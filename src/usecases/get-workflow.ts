import type { Db } from '../db/database.ts';
import { ancestorsOfUnit } from '../db/organisations.repo.ts';
import { approvalChainOfUnit } from '../db/approval-chain.repo.ts';
import { type ApprovalChain, type ChainShape, chainShape } from '../domain/workflow/chain.ts';
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
import { PERMISSION_TABLE, can } from '../domain/permissions.ts';
import type { Executor } from '../db/schema.ts';
import { currentOpinions, currentRound, listOpinionItems } from '../db/review-opinions.repo.ts';
import { OVERALL_ITEM_NAME, blockingItems, pendingLevel } from '../domain/review/opinion.ts';
import {
  type ActionChoice,
  type ChoiceInput,
  type Refusal,
  editChoice,
  possibleActions,
} from '../domain/workflow/possible-actions.ts';
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
  /** The state lets the unit edit (draft, returned, adjusting), whoever looks. */
  editable: boolean;
  /** Whether the given actor may edit the targets now, and why not (role, reach or state). */
  edit: { allowed: boolean; reason: Refusal | null };
  hasDepartment: boolean;
  /** Who reviews and who decides (decision 049): the screens word the stages from it. */
  chain: ApprovalChain;
  /** What the state machine lets the given actor do now (empty without an actor). */
  allowedActions: WorkflowAction[];
  /** Every step the actor's role takes, whether it may be taken now (state, forms) and why not. */
  actions: ActionChoice[];
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
      const ancestors = await ancestorsOfUnit(trx, key.unitCode);
      const chain = await approvalChainOfUnit(trx, key.unitCode, ancestors);
      const { hasDepartment, finalRole } = chainShape(chain);
      const actor = input.actor ?? null;
      const progress = await reviewProgress(trx, document.id, state, { hasDepartment, finalRole });
      const unitAncestors = ancestors.map((a) => a.code);
      const reaches = actor !== null && can(actor, 'targets:edit', { unitCode: key.unitCode, unitAncestors });
      return {
        ...key,
        state,
        stateVersion: version,
        editable: isEditableState(state),
        edit: editChoice(state, hasDepartment, {
          roleEdits: actor !== null && PERMISSION_TABLE[actor.role]['targets:edit'] !== 'none',
          reaches,
        }),
        hasDepartment,
        chain,
        allowedActions: actor ? allowedActions(state, actor.role, { hasDepartment, finalRole }) : [],
        actions: actor ? possibleActions({ state, role: actor.role, hasDepartment, finalRole, ...progress }) : [],
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

/** What the forms of this round say: what stops the pending step, and whether any reviewer began (no withdrawal then). */
async function reviewProgress(
  trx: Executor,
  documentId: number,
  state: WorkflowState,
  shape: ChainShape,
): Promise<Pick<ChoiceInput, 'blocking' | 'reviewStarted'>> {
  const level = pendingLevel(state, shape.hasDepartment, shape.finalRole);
  if (level === null) return { blocking: null, reviewStarted: false };
  const round = await currentRound(trx, documentId);
  const forms = await currentOpinions(trx, { documentId, round, level });
  const items = [...(await listOpinionItems(trx, documentId)), { projectCode: null, name: OVERALL_ITEM_NAME }];
  return { blocking: { level, items: blockingItems(items, forms, level) }, reviewStarted: forms.length > 0 };
}
