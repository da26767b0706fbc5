import { describe, expect, it } from 'vitest';
import type { Actor } from './access.ts';
import { noticeOfEvaluationStep, noticeOfTransition, noticeText } from './notifications.ts';
import { byUrgency, dueness, yearEnded } from './workbench.ts';

const reviewer: Actor = { userId: 3, username: 'zgb', displayName: '总工会机关', role: 'department', orgCode: '711' };

describe('workbench deadlines', () => {
  it('is overdue the day after the due date and due soon within seven days', () => {
    expect(dueness('2021-03-31', '2021-04-01')).toEqual({ overdue: true, dueSoon: false });
    expect(dueness('2021-03-31', '2021-03-31')).toEqual({ overdue: false, dueSoon: true });
    expect(dueness('2021-03-31', '2021-03-24')).toEqual({ overdue: false, dueSoon: true });
    expect(dueness('2021-03-31', '2021-03-23')).toEqual({ overdue: false, dueSoon: false });
    expect(dueness('2021-01-03', '2020-12-28')).toEqual({ overdue: false, dueSoon: true }); // across the year end
    expect(dueness(null, '2021-03-23')).toEqual({ overdue: false, dueSoon: false });
  });

  it('orders overdue, then due soon, then by date, undated last', () => {
    const item = (dueDate: string | null, overdue = false, dueSoon = false) => ({
      dueDate,
      overdue,
      dueSoon,
      since: null,
    });
    const sorted = [item(null), item('2021-05-01'), item('2021-03-31', false, true), item('2021-01-31', true)].sort(
      byUrgency,
    );
    expect(sorted.map((i) => i.dueDate)).toEqual(['2021-01-31', '2021-03-31', '2021-05-01', null]);
  });

  it('knows when a year is over', () => {
    expect(yearEnded(2020, '2020-12-31')).toBe(false);
    expect(yearEnded(2020, '2021-01-01')).toBe(true);
  });
});

describe('notices', () => {
  it('tells the unit of a return with the comment, and of nothing on a submission', () => {
    const notice = noticeOfTransition('return', reviewer, '请补充指标');
    expect(notice).toEqual({
      kind: 'targets-returned',
      params: { by: '总工会机关', comment: '请补充指标' },
      page: 'targets',
    });
    expect(noticeText(notice!.kind, notice!.params, '711002', 2020)).toBe(
      '711002 2020年度：绩效目标被总工会机关退回修改：请补充指标',
    );
    expect(noticeOfTransition('submit', reviewer, '')).toBeNull();
  });

  it('tells the unit of a returned or final 自评, not of an approval by the department', () => {
    expect(noticeOfEvaluationStep('return', reviewer, '附件不全')?.kind).toBe('evaluation-returned');
    expect(noticeOfEvaluationStep('finalise', reviewer, undefined)?.page).toBe('evaluation');
    expect(noticeOfEvaluationStep('approve', reviewer, undefined)).toBeNull();
  });
});
