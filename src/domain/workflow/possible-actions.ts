import type { Role } from '../access.ts';
import { LEVEL_LABELS, type OpinionBlock, type OpinionLevel, stepLevel } from '../review/opinion.ts';
import {
  WORKFLOW_ACTIONS,
  type TransitionContext,
  type WorkflowAction,
  type WorkflowState,
  allowedActions,
  isEditableState,
  roleMayEver,
} from './states.ts';

/**
 * What the signed-in user may do with a unit-year's targets now, and why not when not (issue 17 item 4):
 * the server sends it with the workflow, so the screens hide what the role never does and disable, with
 * the reason, what the state forbids now. Pure: the caller reads state, role, reach and the forms.
 */

/** Why an action or an edit is not possible now; the web words it in the user's language by this code. */
export const REFUSAL_CODES = [
  'draft',
  'submitted-department',
  'submitted-bureau',
  'department-reviewed',
  'approved',
  'returned',
  'adjustment-requested',
  'adjusting',
  'review-started',
  'opinions',
  'role',
  'reach',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  /** The sentence in Chinese, for clients that do not translate. */
  message: string;
  /** With 'opinions': how many items stop the step. */
  count?: number;
}

export interface ActionChoice {
  action: WorkflowAction;
  allowed: boolean;
  reason: Refusal | null;
  /** Show it even when not allowed (disabled with the reason): the role's main step, or a step only the forms or a started review stop. */
  shown: boolean;
}

export interface ChoiceInput extends TransitionContext {
  state: WorkflowState;
  role: Role;
  /** This round's opinion forms stop the pending step at this level (decision 033); null when they do not. */
  blocking: { level: OpinionLevel; items: readonly OpinionBlock[] } | null;
  /** A reviewer has recorded a form in this round: the unit can no longer withdraw. */
  reviewStarted: boolean;
}

/** The step each role is there for: shown disabled with the reason while the state does not allow it. */
const MAIN_STEP: Partial<Record<Role, WorkflowAction>> = { unit: 'submit', department: 'review', bureau: 'approve' };

/** A department-role user whose stage ends the chain (a superior union deciding alone) is there to approve. */
function mainStep(input: ChoiceInput): WorkflowAction | undefined {
  if (input.role === 'department' && !input.hasDepartment && input.finalRole === 'department') return 'approve';
  return MAIN_STEP[input.role];
}

/** The sentence that says where the document stands, from `state` (who it waits for). */
export function stateRefusal(state: WorkflowState, hasDepartment: boolean, finalRole?: Role | null): Refusal {
  switch (state) {
    case 'draft':
      return { code: 'draft', message: '草稿，尚未报送' };
    case 'submitted':
      return hasDepartment || finalRole === 'department'
        ? { code: 'submitted-department', message: '已报送，等待主管部门审核' }
        : { code: 'submitted-bureau', message: '已报送，等待财政部门批复' };
    case 'department-reviewed':
      return { code: 'department-reviewed', message: '主管部门已审核，等待财政部门批复' };
    case 'approved':
      return { code: 'approved', message: '已批复，如需修改请申请调整' };
    case 'returned':
      return { code: 'returned', message: '已退回单位修改，尚未重新报送' };
    case 'adjustment-requested':
      return { code: 'adjustment-requested', message: '已申请调整，等待财政部门同意' };
    case 'adjusting':
      return { code: 'adjusting', message: '调整中，单位修改后重新报送' };
  }
}

/** Every action the role ever takes, with whether it may be taken now and why not. */
export function possibleActions(input: ChoiceInput): ActionChoice[] {
  const legal = allowedActions(input.state, input.role, input);
  const main = mainStep(input);
  return WORKFLOW_ACTIONS.filter((action) => roleMayEver(input.role, action, input)).map((action) => {
    const reason = legal.includes(action)
      ? stepRefusal(action, input)
      : stateRefusal(input.state, input.hasDepartment, input.finalRole);
    const allowed = reason === null;
    const stoppedByReview = reason?.code === 'opinions' || reason?.code === 'review-started';
    return { action, allowed, reason, shown: allowed || stoppedByReview || main === action };
  });
}

/** A legal step may still wait: review and approve for the forms, withdraw once a reviewer began. */
function stepRefusal(action: WorkflowAction, input: ChoiceInput): Refusal | null {
  if (action === 'withdraw' && input.reviewStarted) {
    return { code: 'review-started', message: '审核人已开始审核，不能撤回；如需修改请联系审核人退回' };
  }
  const level = stepLevel(action, input.finalRole);
  if (level === null || input.blocking === null || input.blocking.level !== level) return null;
  const count = input.blocking.items.length;
  if (count === 0) return null;
  return {
    code: 'opinions',
    message: `需要${LEVEL_LABELS[level]}绩效目标审核意见表：${count} 项尚不允许通过（未填写、“中”“差”或“良”未写协商情况）`,
    count,
  };
}

/**
 * Whether the user may change the targets now: the role edits targets (`mayEdit`: its permission reaches
 * this unit) and the state is draft, returned or adjusting.
 */
export function editChoice(
  state: WorkflowState,
  hasDepartment: boolean,
  access: { roleEdits: boolean; reaches: boolean },
): { allowed: boolean; reason: Refusal | null } {
  if (!access.roleEdits) return { allowed: false, reason: { code: 'role', message: '您的角色不修改绩效目标' } };
  if (!access.reaches) return { allowed: false, reason: { code: 'reach', message: '只能修改本单位的绩效目标' } };
  if (isEditableState(state)) return { allowed: true, reason: null };
  return { allowed: false, reason: stateRefusal(state, hasDepartment) };
}
