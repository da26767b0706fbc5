import type { Role } from '../access.ts';
import { AppError } from '../errors.ts';

/**
 * The review workflow of a unit-year's targets, as data (decision 008). A document without a
 * workflow record is a draft. Approved targets change only through an adjustment request that
 * goes through review again (财预〔2015〕88号: targets change only with a budget adjustment).
 */
export const WORKFLOW_STATES = [
  'draft',
  'submitted',
  'department-reviewed',
  'approved',
  'returned',
  'adjustment-requested',
  'adjusting',
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const WORKFLOW_ACTIONS = [
  'submit',
  'review',
  'return',
  'approve',
  'request-adjustment',
  'agree-adjustment',
  'reject-adjustment',
  'withdraw',
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

const STATE_LABELS: Record<WorkflowState, string> = {
  draft: '草稿',
  submitted: '已报送（待主管部门审核）',
  'department-reviewed': '主管部门已审核（待财政批复）',
  approved: '已批复',
  returned: '已退回修改',
  'adjustment-requested': '调整申请待批准',
  adjusting: '调整中',
};

const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '报送',
  review: '主管部门审核通过',
  return: '退回',
  approve: '批复',
  'request-adjustment': '申请调整',
  'agree-adjustment': '同意调整',
  'reject-adjustment': '不同意调整',
  withdraw: '撤回报送',
};

const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  bureau: '财政局',
  department: '主管部门',
  unit: '预算单位',
  auditor: '审计人员',
};

/** The unit may change its targets only in these states; anything under review or approved is locked. */
const EDITABLE_STATES: readonly WorkflowState[] = ['draft', 'returned', 'adjusting'];

export function isEditableState(state: WorkflowState): boolean {
  return EDITABLE_STATES.includes(state);
}

/** Who takes an edge: the unit, the chain's reviewer stage, its final stage, or any stage of it (decision 049). */
type EdgeActor = 'unit' | 'reviewer' | 'final' | 'any-stage';

interface Edge {
  action: WorkflowAction;
  from: WorkflowState;
  to: WorkflowState;
  /** Who may take this edge (admin may take every edge); the roles come from the unit-year's approval chain. */
  by: EdgeActor;
  /** Only when the chain has a reviewer before the final stage ('two'), or only one stage ('one'). */
  stages?: 'one' | 'two';
}

/** Every legal move. An action not listed from a state is illegal whoever asks. */
const WORKFLOW_EDGES: readonly Edge[] = [
  { action: 'submit', from: 'draft', to: 'submitted', by: 'unit' },
  { action: 'submit', from: 'returned', to: 'submitted', by: 'unit' },
  { action: 'submit', from: 'adjusting', to: 'submitted', by: 'unit' },
  // Withdrawing takes the submission back before anyone reviewed it, to the state it was submitted from
  // (stateBeforeSubmission; draft here); the use-case also refuses it once a reviewer recorded a form.
  { action: 'withdraw', from: 'submitted', to: 'draft', by: 'unit' },
  { action: 'review', from: 'submitted', to: 'department-reviewed', by: 'reviewer', stages: 'two' },
  { action: 'approve', from: 'submitted', to: 'approved', by: 'final', stages: 'one' },
  { action: 'return', from: 'submitted', to: 'returned', by: 'any-stage' },
  { action: 'approve', from: 'department-reviewed', to: 'approved', by: 'final' },
  { action: 'return', from: 'department-reviewed', to: 'returned', by: 'final' },
  // 88号: approved targets change only with the approver's agreement; until then they stay locked.
  { action: 'request-adjustment', from: 'approved', to: 'adjustment-requested', by: 'unit' },
  { action: 'agree-adjustment', from: 'adjustment-requested', to: 'adjusting', by: 'final' },
  { action: 'reject-adjustment', from: 'adjustment-requested', to: 'approved', by: 'final' },
];

export interface TransitionContext {
  /** Whether a reviewer stage (主管部门, 上级工会, 本部门) comes before the final one (else the final stage reviews alone). */
  hasDepartment: boolean;
  /** The role of the chain's final stage (decision 049); omitted: the bureau, as before chains. null: nobody approves. */
  finalRole?: Role | null;
}

/** The default chain's shape: unit → 主管部门 → 财政局. */
const DEFAULT_CONTEXT: TransitionContext = { hasDepartment: true, finalRole: 'bureau' };

function edgeRoles(edge: Edge, context: TransitionContext): Role[] {
  const finalRole = context.finalRole === undefined ? 'bureau' : context.finalRole;
  const final: Role[] = finalRole === null ? [] : [finalRole];
  switch (edge.by) {
    case 'unit':
      return ['unit'];
    case 'reviewer':
      return ['department'];
    case 'final':
      return final;
    case 'any-stage':
      return [...new Set<Role>([...(context.hasDepartment ? (['department'] as const) : []), ...final])];
  }
}

/**
 * Whether `role` takes `action` from some state of a chain shaped like `context` (admin: every action); the
 * UI hides the others for good. Without a context: the default chain (a department reviews, the bureau approves).
 */
export function roleMayEver(role: Role, action: WorkflowAction, context: TransitionContext = DEFAULT_CONTEXT): boolean {
  return (
    role === 'admin' ||
    edgesFor(context).some((edge) => edge.action === action && edgeRoles(edge, context).includes(role))
  );
}

function edgesFor(context: TransitionContext): Edge[] {
  const stages = context.hasDepartment ? 'two' : 'one';
  return WORKFLOW_EDGES.filter((edge) => edge.stages === undefined || edge.stages === stages);
}

function edgesFrom(state: WorkflowState, context: TransitionContext): Edge[] {
  return edgesFor(context).filter((edge) => edge.from === state);
}

/** What `role` may do now; the UI shows these buttons, the server accepts only these. */
export function allowedActions(state: WorkflowState, role: Role, context: TransitionContext): WorkflowAction[] {
  const actions = edgesFrom(state, context)
    .filter((edge) => role === 'admin' || edgeRoles(edge, context).includes(role))
    .map((edge) => edge.action);
  return [...new Set(actions)];
}

/**
 * The state after `action`, or an AppError that says what the state is and what is allowed:
 * CONFLICT when the action is illegal from this state for anyone, FORBIDDEN when it is legal but
 * not for this role.
 */
export function nextState(
  state: WorkflowState,
  action: WorkflowAction,
  role: Role,
  context: TransitionContext,
): WorkflowState {
  const edge = edgesFrom(state, context).find((candidate) => candidate.action === action);
  const allowed = allowedActions(state, role, context);
  const allowedText = allowed.length ? allowed.map((a) => ACTION_LABELS[a]).join('、') : '无';
  if (!edge) {
    throw new AppError(
      'CONFLICT',
      `当前状态为「${STATE_LABELS[state]}」，不能${ACTION_LABELS[action]}；当前可执行的操作：${allowedText}`,
      {
        location: { field: 'state' },
        // The facts the web words in the UI's language (decision 043).
        details: { reason: 'workflow.not-allowed-in-state', state, action, allowed },
      },
    );
  }
  const roles = edgeRoles(edge, context);
  if (role !== 'admin' && !roles.includes(role)) {
    const who = roles.length ? roles.map((r) => ROLE_LABELS[r]).join('或') : '审批链中的审核人';
    throw new AppError(
      'FORBIDDEN',
      `当前状态为「${STATE_LABELS[state]}」，${ACTION_LABELS[action]}须由${who}进行；您可执行的操作：${allowedText}`,
      {
        location: { field: 'state' },
        details: { reason: 'workflow.not-your-step', state, action, roles, allowed },
      },
    );
  }
  return edge.to;
}

/**
 * Where a withdrawn submission goes back to: the editable state it was submitted from (a returned
 * document stays returned, with its comments; an adjustment stays an adjustment), else draft.
 * `history` is the document's transitions, oldest first.
 */
export function stateBeforeSubmission(
  history: readonly { action: WorkflowAction; from: WorkflowState }[],
): WorkflowState {
  const submitted = [...history].reverse().find((entry) => entry.action === 'submit');
  return submitted && isEditableState(submitted.from) ? submitted.from : 'draft';
}

/** Why a write to targets in `state` is refused, or null when the state allows editing. */
export function lockedMessage(state: WorkflowState): string | null {
  if (isEditableState(state)) return null;
  if (state === 'approved') return '绩效目标已批复，修改需先提出调整申请（财预〔2015〕88号：目标随预算调整而调整）';
  if (state === 'adjustment-requested') return '调整申请待财政部门批准，批准前绩效目标仍按已批复版本锁定';
  return `绩效目标${STATE_LABELS[state]}，审核期间不能修改；如需修改，请审核人退回`;
}

/** Targets under review or approved are not replaced: LOCKED (an import's check, and its preview's). */
export function assertEditable(state: WorkflowState): void {
  const message = lockedMessage(state);
  if (message !== null) {
    throw new AppError('LOCKED', message, {
      location: { field: 'state' },
      details: { reason: 'targets.locked', state },
    });
  }
}

/** Who writes review comments; a unit answers by resubmitting with a comment. */
export const REVIEWER_ROLES: readonly Role[] = ['admin', 'bureau', 'department'];
