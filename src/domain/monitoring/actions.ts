import { AppError } from '../errors.ts';

/*
 * What the finance bureau (or the supervising department) does about a monitoring finding (财预〔2019〕136号:
 * 提示/警示, 督促纠偏, 暂缓或停止拨款), and the unit's 整改 in reply. A computed warning may be the trigger; the
 * action is a record of its own, so it stays when the warning later clears.
 */
export const ACTION_KINDS = ['提示', '警示', '纠偏', '暂缓拨款', '停止拨款'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const RECTIFICATION_STATES = ['待整改', '整改中', '已整改'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

/** Who moves a rectification: the unit replies, the acting organisation may reopen a closed one. */
export type RectificationStep =
  | { by: 'unit'; to: Exclude<RectificationState, '待整改'>; reply: string }
  | { by: 'actor'; to: '待整改'; reply: string };

/**
 * The unit reports progress (整改中) or completion (已整改) with a reply; once 已整改 only the organisation that
 * acted may reopen it (back to 待整改, with its reason as the reply) — the unit cannot undo a closed case itself.
 */
export function nextRectification(current: RectificationState, step: RectificationStep): RectificationState {
  if (step.reply.trim() === '') {
    throw new AppError('VALIDATION', step.by === 'unit' ? '请填写整改情况说明' : '请填写重新整改的理由', {
      location: { field: 'reply' },
      // The facts the web words in the UI's language (decision 043).
      details: { reason: step.by === 'unit' ? 'rectification.reply-required' : 'rectification.reopen-reason-required' },
    });
  }
  if (step.by === 'unit' && current === '已整改') {
    throw new AppError('CONFLICT', '该事项已整改完毕；如需继续整改，请由采取措施的部门重新打开', {
      location: { field: 'state' },
      details: { reason: 'rectification.closed' },
    });
  }
  if (step.by === 'actor' && current !== '已整改') {
    throw new AppError('CONFLICT', '只有已整改的事项可以重新打开', {
      location: { field: 'state' },
      details: { reason: 'rectification.reopen-only-closed' },
    });
  }
  return step.to;
}

/** The deadline must not precede the day the action is recorded. */
export function checkActionDeadline(deadline: string, today: string): void {
  if (deadline < today) {
    throw new AppError('VALIDATION', `整改期限 ${deadline} 早于今天（${today}）`, {
      location: { field: 'deadline' },
      details: { reason: 'rectification.deadline-past', deadline, today },
    });
  }
}

/** A warning's follow-up, as the warning list shows it: read from the actions that name it, never stored apart. */
type WarningFollowUpState = 'open' | 'action-recorded' | 'closed';
export interface WarningFollowUp {
  state: WarningFollowUpState;
  /** The latest action's text, who recorded it and when; then who reported it 已整改 and when. */
  action: string | null;
  actionBy: string | null;
  actionAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
}

/** What of an action a warning's follow-up reads (timestamps ISO). */
export interface ActionFacts {
  warningId: string | null;
  body: string;
  state: RectificationState;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * A computed warning is the trigger, the bureau's action the record (decision 036): no action naming the warning →
 * open; any of them still 待整改 / 整改中 → action-recorded; every one 已整改 → closed (the unit's report closes it,
 * the acting side's reopen opens it again).
 */
export function followUpOf(warningId: string, actions: readonly ActionFacts[]): WarningFollowUp {
  const mine = actions.filter((a) => a.warningId === warningId);
  const latest = mine.at(-1);
  if (!latest) return { state: 'open', action: null, actionBy: null, actionAt: null, closedBy: null, closedAt: null };
  const closed = mine.every((a) => a.state === '已整改');
  return {
    state: closed ? 'closed' : 'action-recorded',
    action: latest.body,
    actionBy: latest.createdBy,
    actionAt: latest.createdAt,
    closedBy: closed ? latest.updatedBy : null,
    closedAt: closed ? latest.updatedAt : null,
  };
}
