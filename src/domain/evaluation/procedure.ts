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

/** Who acts at each step besides admin: the department reviews; the bureau re-checks, finalises, reopens. */
const ROLES: Partial<Record<EvaluationStep, readonly Role[]>> = {
  approve: ['department', 'bureau', 'admin'],
  return: ['department', 'bureau', 'admin'],
  select: ['bureau', 'admin'],
  rescore: ['bureau', 'admin'],
  finalise: ['bureau', 'admin'],
  reopen: ['bureau', 'admin'],
};

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
export function assertStep(step: EvaluationStep, status: EvaluationStatus | 'none', role: Role, recheck = false): void {
  const roles = ROLES[step];
  if (roles && !roles.includes(role)) {
    throw new AppError(
      'FORBIDDEN',
      `自评${STEP_NAMES[step]}须由${roles.includes('department') ? '主管部门或财政局' : '财政局'}办理`,
    );
  }
  if (!FROM[step].includes(status)) {
    const name = status === 'none' ? '尚未填报' : STATUS_NAMES[status];
    if (step === 'save' || step === 'attach' || step === 'submit') {
      throw new AppError('LOCKED', `自评表${name}，已锁定，不能修改；如需修改请由主管部门退回或由财政局重新打开`, {
        details: { status },
      });
    }
    throw new AppError('CONFLICT', `自评表${name}，不能${STEP_NAMES[step]}`, { details: { status } });
  }
  if (step === 'rescore' && !recheck) {
    throw new AppError('CONFLICT', '该单位未被抽中复核，不能复核评分；请先将其列入复核样本');
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
