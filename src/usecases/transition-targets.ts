import { z } from 'zod';
import { recordAudit } from '../db/audit.repo.ts';
import { notifyUnit } from '../db/notifications.repo.ts';
import { noticeOfTransition } from '../domain/notifications.ts';
import type { Db } from '../db/database.ts';
import type { Executor } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  closeAdjustment,
  findWorkflow,
  insertComment,
  insertTransition,
  insertVersion,
  listTransitions,
  lockDocumentRow,
  openAdjustment,
  setWorkflowState,
} from '../db/workflow.repo.ts';
import type { Actor } from '../domain/access.ts';
import { AppError } from '../domain/errors.ts';
import {
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowState,
  nextState,
  stateBeforeSubmission,
} from '../domain/workflow/states.ts';
import { targetsNotFound } from '../domain/not-found.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';
import { requireUnitReach } from '../db/org-nodes.repo.ts';
import { readWholeDocument } from '../db/document-access.repo.ts';
import { currentRound, currentOpinions, listOpinionItems } from '../db/review-opinions.repo.ts';
import {
  OPINION_LEVELS,
  OVERALL_ITEM_NAME,
  type OpinionLevel,
  assertStepAllowed,
  stepLevel,
} from '../domain/review/opinion.ts';

const TransitionInputSchema = UnitYearInputSchema.extend({
  action: z.enum(WORKFLOW_ACTIONS),
  /** Required to return and to refuse an adjustment (why); optional otherwise. */
  comment: z.string().trim().max(2000).optional(),
  /** Required to request an adjustment: the budget adjustment that makes the targets change. */
  reason: z.string().trim().max(2000).optional(),
  /** A returned document's comment may point at a project or one of its indicators. */
  projectCode: z.string().trim().min(1).nullable().optional(),
  indicatorIndex: z.number().int().min(0).nullable().optional(),
  /** The workflow version the caller saw; a stale one is refused (CONFLICT) rather than acted on twice. */
  expectedStateVersion: z.number().int().min(0).optional(),
});
export type TransitionInput = z.input<typeof TransitionInputSchema>;

export interface TransitionResult {
  from: WorkflowState;
  state: WorkflowState;
  stateVersion: number;
  /** The snapshot number written (at submit and approve), else null. */
  versionNumber: number | null;
}

/**
 * Moves a unit-year's targets along the workflow: submit, withdraw (unit, before review), review (department), return, approve
 * (bureau), request-adjustment, agree- or reject-adjustment (bureau). The domain decides what is
 * legal for whom, and what the reviewers' forms allow (review and approve need this round's forms
 * at that level, none graded 中 or 差: decision 033) — here, so every route obeys; this records the
 * transition, its comment, the snapshot and the audit entry in one transaction.
 */
export async function transitionTargets(db: Db, actor: Actor, input: TransitionInput): Promise<TransitionResult> {
  const parsed = validateInput(TransitionInputSchema, input, '流程操作');
  const key = { unitCode: parsed.unitCode, fiscalYear: parsed.fiscalYear };
  return inTransaction(db, async (trx) => {
    const document = await lockDocumentRow(trx, key.unitCode, key.fiscalYear);
    if (!document) throw targetsNotFound(key);
    const context = await requireUnitReach(trx, actor, key.unitCode);
    const current = await findWorkflow(trx, document.id);
    if (parsed.expectedStateVersion !== undefined && parsed.expectedStateVersion !== current.version) {
      throw new AppError('CONFLICT', `流程状态已被他人改变（当前版本 ${current.version}），请刷新后再操作`, {
        location: { field: 'expectedStateVersion' },
      });
    }
    let to = nextState(current.state, parsed.action, actor.role, context);
    requireWords(parsed);
    if (parsed.action === 'withdraw') {
      await requireReviewNotStarted(trx, document.id);
      to = stateBeforeSubmission(await listTransitions(trx, document.id));
    }
    const level = stepLevel(parsed.action, context.finalRole);
    if (level !== null) await requireOpinionsAllow(trx, document.id, level);
    const stateVersion = await setWorkflowState(trx, {
      documentId: document.id,
      expectedVersion: current.version,
      state: to,
    });
    if (stateVersion === undefined) {
      throw new AppError('CONFLICT', '流程状态已被他人改变，请刷新后再操作', {
        details: { reason: 'workflow.state-changed' },
      });
    }
    const words = parsed.action === 'request-adjustment' ? parsed.reason! : (parsed.comment ?? '');
    const transitionId = await insertTransition(trx, {
      documentId: document.id,
      actor,
      action: parsed.action,
      from: current.state,
      to,
      comment: words,
    });
    await recordSideEffects(trx, actor, { ...parsed, documentId: document.id, to, transitionId });
    const versionNumber =
      parsed.action === 'submit' || parsed.action === 'approve'
        ? await snapshot(trx, actor, key, parsed.action, to)
        : null;
    await recordAudit(trx, actor, {
      action: `${parsed.action}-targets`,
      ...key,
      entity: 'target-document',
      entityKey: `${key.unitCode}/${key.fiscalYear}`,
      before: { state: current.state },
      after: { state: to, comment: words || undefined, versionNumber: versionNumber ?? undefined },
    });
    await notifyUnit(trx, key, noticeOfTransition(parsed.action, actor, words));
    return { from: current.state, state: to, stateVersion, versionNumber };
  });
}

/** The items of this round judged at `level` must all allow the step (财预〔2015〕88号). */
async function requireOpinionsAllow(trx: Executor, documentId: number, level: OpinionLevel): Promise<void> {
  const round = await currentRound(trx, documentId);
  const projects = await listOpinionItems(trx, documentId);
  const items = [...projects, { projectCode: null, name: OVERALL_ITEM_NAME }];
  assertStepAllowed(items, await currentOpinions(trx, { documentId, round, level }), level);
}

/**
 * A submission is withdrawn only before a reviewer acted on it: once this round has a form, the
 * reviewer has begun and only a return gives the targets back (the forms stay in history anyway).
 */
async function requireReviewNotStarted(trx: Executor, documentId: number): Promise<void> {
  const round = await currentRound(trx, documentId);
  for (const level of OPINION_LEVELS) {
    if ((await currentOpinions(trx, { documentId, round, level })).length > 0) {
      throw new AppError('CONFLICT', '审核人已开始审核（已填写审核意见表），不能撤回；如需修改请联系审核人退回', {
        location: { field: 'state' },
        details: { reason: 'workflow.review-started' },
      });
    }
  }
}

function requireWords(input: z.output<typeof TransitionInputSchema>): void {
  if (input.action === 'return' && !input.comment) {
    throw new AppError('VALIDATION', '退回须写明意见（退回原因）', {
      location: { field: 'comment' },
      details: { reason: 'workflow.comment-required', action: input.action },
    });
  }
  if (input.action === 'reject-adjustment' && !input.comment) {
    throw new AppError('VALIDATION', '不同意调整须写明理由', {
      location: { field: 'comment' },
      details: { reason: 'workflow.comment-required', action: input.action },
    });
  }
  if (input.action === 'request-adjustment' && !input.reason) {
    throw new AppError('VALIDATION', '申请调整须写明理由（绩效目标随预算调整而调整，财预〔2015〕88号）', {
      location: { field: 'reason' },
      details: { reason: 'workflow.comment-required', action: input.action },
    });
  }
}

async function recordSideEffects(
  trx: Executor,
  actor: Actor,
  input: z.output<typeof TransitionInputSchema> & { documentId: number; to: WorkflowState; transitionId: number },
): Promise<void> {
  if ((input.action === 'return' || input.action === 'reject-adjustment') && input.comment) {
    await insertComment(trx, {
      documentId: input.documentId,
      actor,
      state: input.to,
      body: input.comment,
      transitionId: input.transitionId,
      projectCode: input.projectCode ?? null,
      indicatorIndex: input.projectCode ? (input.indicatorIndex ?? null) : null,
    });
  }
  if (input.action === 'request-adjustment')
    await openAdjustment(trx, { documentId: input.documentId, actor, reason: input.reason! });
  if (input.action === 'approve') await closeAdjustment(trx, input.documentId);
  if (input.action === 'reject-adjustment') await closeAdjustment(trx, input.documentId, 'rejected');
}

/** Every submitted and approved state is kept whole, so any two can be compared later. */
async function snapshot(
  trx: Executor,
  actor: Actor,
  key: { unitCode: string; fiscalYear: number },
  action: WorkflowAction,
  state: WorkflowState,
): Promise<number> {
  const { id, version, document } = await readWholeDocument(trx, key);
  return insertVersion(trx, { documentId: id, actor, action, state, documentVersion: version, snapshot: document });
}
