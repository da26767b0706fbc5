import type { Db } from '../db/database.ts';
import { readWholeDocument } from '../db/document-access.repo.ts';
import { approvalChainOfUnit } from '../db/approval-chain.repo.ts';
import { type StageKind, type StageRole, chainShape } from '../domain/workflow/chain.ts';
import { reviewPolicyForUnit } from '../db/policies.repo.ts';
import {
  type OpinionRow,
  currentRound,
  currentOpinions,
  listOpinionItems,
  listOpinions,
} from '../db/review-opinions.repo.ts';
import { inTransaction } from '../db/transaction.ts';
import { findWorkflow } from '../db/workflow.repo.ts';
import type { Actor } from '../domain/access.ts';
import { reviewTargets } from '../domain/review/index.ts';
import {
  OVERALL_ITEM_NAME,
  type OpinionBlock,
  type OpinionItem,
  type OpinionLevel,
  automatedGrades,
  blockingItems,
  itemKey,
  pendingLevel,
  recordLevelFor,
} from '../domain/review/opinion.ts';
import type { Grade } from '../domain/review/types.ts';
import type { WorkflowState } from '../domain/workflow/states.ts';
import { UnitYearInputSchema } from '../contract/usecase-input.ts';
import { validateInput } from '../contract/validate-input.ts';

export interface OpinionItemView {
  projectCode: string | null;
  name: string;
  department: OpinionRow | null;
  bureau: OpinionRow | null;
  automatedGrade: Grade | null;
}

export interface ReviewOpinionsView {
  unitCode: string;
  fiscalYear: number;
  state: WorkflowState;
  round: number;
  hasDepartment: boolean;
  finalRole: StageRole | null;
  /** Who reviews before the bureau (a supervising department, a superior union, the department itself), for words. */
  reviewerKind: StageKind | null;
  recordLevel: OpinionLevel | null;
  recordBlockedReason: string | null;
  items: OpinionItemView[];
  blocking: OpinionBlock[];
  history: OpinionRow[];
}

/**
 * A unit-year's 绩效目标审核意见表: this round's forms per item at both levels beside the rules'
 * suggestion, what stops the pending step, the level the actor records at, and every form kept.
 */
export async function getReviewOpinions(
  db: Db,
  input: { unitCode: string; fiscalYear: number; actor?: Actor | null },
): Promise<ReviewOpinionsView> {
  const key = validateInput(UnitYearInputSchema, input, '查询条件');
  const policy = await reviewPolicyForUnit(db.kysely, key.unitCode);
  return inTransaction(
    db,
    async (trx) => {
      const { id, document } = await readWholeDocument(trx, key);
      const { state } = await findWorkflow(trx, id);
      const chain = await approvalChainOfUnit(trx, key.unitCode);
      const { hasDepartment, finalRole } = chainShape(chain);
      const reviewerKind = chain.stages.find((stage) => stage.role === 'department')?.kind ?? null;
      const round = await currentRound(trx, id);
      const items: OpinionItem[] = [
        ...(await listOpinionItems(trx, id)),
        { projectCode: null, name: OVERALL_ITEM_NAME },
      ];
      const forms = {
        department: await currentOpinions(trx, { documentId: id, round, level: 'department' }),
        bureau: await currentOpinions(trx, { documentId: id, round, level: 'bureau' }),
      };
      const suggested = automatedGrades(items, reviewTargets(document, policy).findings, policy);
      const formOf = (rows: OpinionRow[], code: string | null) =>
        rows.find((r) => itemKey(r.projectCode) === itemKey(code)) ?? null;
      const pending = pendingLevel(state, hasDepartment, finalRole);
      const record = input.actor
        ? recordLevelFor(input.actor.role, state, hasDepartment, finalRole)
        : { level: null, reason: '未登录' };
      return {
        ...key,
        state,
        round,
        hasDepartment,
        finalRole,
        reviewerKind,
        recordLevel: record.level,
        recordBlockedReason: record.reason,
        items: items.map((item) => ({
          ...item,
          department: formOf(forms.department, item.projectCode),
          bureau: formOf(forms.bureau, item.projectCode),
          automatedGrade: suggested.get(itemKey(item.projectCode)) ?? null,
        })),
        blocking: pending === null ? [] : blockingItems(items, forms[pending], pending),
        history: await listOpinions(trx, id),
      };
    },
    'repeatable read',
  );
}
