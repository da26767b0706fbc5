import { AppError } from '../errors.ts';
import { type RectificationState, nextRectification } from '../monitoring/actions.ts';

/**
 * 整改通知 (结果应用, decision 048): the bureau or the department tells a unit what to correct after a year's
 * results. The unit's side is the monitoring 整改 (待整改 → 整改中 → 已整改, reopen by the issuer; decision 036,
 * reused, not copied); a notice adds one step of its own: the issuer accepts the 已整改 reply and closes it (已销号).
 */
export const NOTICE_STATES = ['待整改', '整改中', '已整改', '已销号'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export type NoticeStep =
  | { by: 'unit'; to: '整改中' | '已整改'; reply: string }
  | { by: 'issuer'; to: '待整改'; reply: string }
  | { by: 'issuer'; to: '已销号' };

/** The state after `step`; a closed notice is final, only a 已整改 one can be closed. */
export function nextNoticeState(current: NoticeState, step: NoticeStep): NoticeState {
  if (current === '已销号') {
    throw new AppError('CONFLICT', '该整改通知已销号，不能再更改', { location: { field: 'state' } });
  }
  if (step.to === '已销号') {
    if (current !== '已整改') {
      throw new AppError('CONFLICT', '只有单位回复“已整改”的通知可以销号', { location: { field: 'state' } });
    }
    return '已销号';
  }
  const rectification: RectificationState = current;
  return step.by === 'unit'
    ? nextRectification(rectification, step)
    : nextRectification(rectification, { by: 'actor', to: step.to, reply: step.reply });
}

/** Still waiting on the unit (待整改 / 整改中). */
export function isOpen(state: NoticeState): boolean {
  return state === '待整改' || state === '整改中';
}

/** Open and past its deadline ('YYYY-MM-DD', compared as text). */
export function isOverdue(notice: { state: NoticeState; deadline: string }, today: string): boolean {
  return isOpen(notice.state) && notice.deadline < today;
}
