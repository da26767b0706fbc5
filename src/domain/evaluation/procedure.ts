import type { Role } from '../access.ts';
import { AppError } from '../errors.ts';

/**
 * 自评 as a procedure (财预〔2020〕10号, decision 035): the unit fills in and submits its 自评表; the
 * supervising department reviews it (approve, or return with a comment); the bureau re-checks (复核)
 * a sample, may re-score it, and finalises. A final 自评表 changes only through a reopen with a reason.
 */
export type EvaluationStatus = 'draft' | 'submitted' | 'reviewed' | 'final';

type EvaluationStep =
  'save' | 'submit' | 'approve' | 'return' | 'select' | 'rescore' | 'finalise' | 'reopen' | 'attach';

const STATUS_NAMES: Record<EvaluationStatus, string> = {
  draft: '草稿',
  submitted: '已提交（待主管部门审核）',
  reviewed: '主管部门已审核（待财政局复核定稿）',
  final: '已定稿',
};

/** The statuses each step starts from ('none' = nothing stored yet). */
const FROM: Record<EvaluationStep, readonly (EvaluationStatus | 'none')[]> = {
  save: ['none', 'draft'],
  attach: ['none', 'draft'],
  submit: ['none', 'draft'],
  approve: ['submitted'],
  return: ['submitted'],
  select: ['reviewed'],
  rescore: ['reviewed'],
  finalise: ['reviewed'],
  reopen: ['final', 'reviewed', 'submitted'],
};

/**
 * Who acts at each step besides admin: the chain's reviewer reviews; its final stage (the bureau by default)
 * re-checks, finalises, reopens. When a superior union decides alone (decision 049, `finalRole`
 * 'department') it finalises and reopens, and the bureau takes no step.
 */
function rolesFor(step: EvaluationStep, finalRole: Role | null): readonly Role[] | undefined {
  const final: Role[] = finalRole === null ? ['admin'] : [finalRole, 'admin'];
  switch (step) {
    case 'approve':
    case 'return':
      return finalRole === 'bureau' ? ['department', 'bureau', 'admin'] : ['department', 'admin'];
    case 'select':
    case 'rescore':
      return finalRole === 'bureau' ? ['bureau', 'admin'] : ['admin'];
    case 'finalise':
    case 'reopen':
      return final;
    default:
      return undefined;
  }
}

const ROLE_NAMES: Partial<Record<Role, string>> = { department: '主管部门（或上级工会）', bureau: '财政局' };

/** The status after a step. */
export const NEXT: Record<EvaluationStep, EvaluationStatus | null> = {
  save: 'draft',
  attach: null,
  submit: 'submitted',
  approve: 'reviewed',
  return: 'draft',
  select: 'reviewed',
  rescore: 'reviewed',
  finalise: 'final',
  reopen: 'draft',
};

/**
 * Refuses a step the status or role does not allow: an edit of a submitted or later 自评表 is LOCKED
 * (with the status in the message), a step out of order is a CONFLICT, a role that may not take it FORBIDDEN.
 */
export function assertStep(
  step: EvaluationStep,
  status: EvaluationStatus | 'none',
  role: Role,
  recheck = false,
  finalRole: Role | null = 'bureau',
): void {
  const roles = rolesFor(step, finalRole);
  if (roles && !roles.includes(role)) {
    const who = roles.flatMap((r) => ROLE_NAMES[r] ?? []).join('或') || '系统管理员';
    const named = roles.filter((r) => ROLE_NAMES[r] !== undefined);
    throw new AppError('FORBIDDEN', `自评${STEP_NAMES[step]}须由${who}办理`, {
      // The facts the web words in the UI's language (decision 043).
      details: { reason: 'evaluation.wrong-role', step, roles: named.length > 0 ? named : ['admin'] },
    });
  }
  if (!FROM[step].includes(status)) {
    const name = status === 'none' ? '尚未填报' : STATUS_NAMES[status];
    if (step === 'save' || step === 'attach' || step === 'submit') {
      throw new AppError('LOCKED', `自评表${name}，已锁定，不能修改；如需修改请由主管部门退回或由财政局重新打开`, {
        details: { status, reason: 'evaluation.locked' },
      });
    }
    throw new AppError('CONFLICT', `自评表${name}，不能${STEP_NAMES[step]}`, {
      details: { status, step, reason: 'evaluation.step-not-allowed' },
    });
  }
  if (step === 'rescore' && !recheck) {
    throw new AppError('CONFLICT', '该单位未被抽中复核，不能复核评分；请先将其列入复核样本', {
      details: { reason: 'evaluation.not-sampled' },
    });
  }
}

const STEP_NAMES: Record<EvaluationStep, string> = {
  save: '保存',
  attach: '上传证明材料',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  select: '列入复核',
  rescore: '复核评分',
  finalise: '定稿',
  reopen: '重新打开',
};
