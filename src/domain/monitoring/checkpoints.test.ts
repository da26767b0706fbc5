import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.ts';
import { type ActionFacts, followUpOf, nextRectification } from './actions.ts';
import {
  assertCheckpointOpen,
  checkpointDueDate,
  checkpointStatuses,
  requireCheckpoint,
  submissionGaps,
} from './checkpoints.ts';

const JULY = { month: 7, dueDate: '08-31' };
const DECEMBER = { month: 12, dueDate: '01-20' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
}

describe('checkpoints', () => {
  it('due dates follow the month-end, December into the next year', () => {
    expect(checkpointDueDate(2026, JULY)).toBe('2026-08-31');
    expect(checkpointDueDate(2026, DECEMBER)).toBe('2027-01-20');
  });

  it('only a configured month is a checkpoint', () => {
    expect(requireCheckpoint([JULY], 7)).toEqual(JULY);
    expect(() => requireCheckpoint([JULY, DECEMBER], 6)).toThrow(/7月、12月/);
  });

  it('a submitted checkpoint is locked, a later one stays open', () => {
    expect(codeOf(() => assertCheckpointOpen(new Set([7]), 7))).toBe('LOCKED');
    expect(codeOf(() => assertCheckpointOpen(new Set([7]), 12))).toBeUndefined();
  });

  it('states each checkpoint: not due, open, overdue, submitted', () => {
    const states = (today: string, submitted: number[] = []) =>
      checkpointStatuses(
        2026,
        [DECEMBER, JULY],
        submitted.map((month) => ({ month, submittedAt: '2026-08-10T00:00:00.000Z', submittedBy: 'u' })),
        today,
      ).map((s) => `${s.month}:${s.state}`);
    expect(states('2026-07-31')).toEqual(['7:not-due', '12:not-due']);
    expect(states('2026-08-01')).toEqual(['7:open', '12:not-due']);
    expect(states('2026-09-01')).toEqual(['7:overdue', '12:not-due']);
    expect(states('2026-09-01', [7])).toEqual(['7:submitted', '12:not-due']);
    expect(states('2027-01-21', [7])).toEqual(['7:submitted', '12:overdue']);
  });

  it('a submission lacks each project forecast and each indicator progress at that month', () => {
    const gaps = submissionGaps(7, [
      { code: 'A', entries: [{ month: 7 }], indicators: [{ name: 'x', progress: [{ month: 7 }] }] },
      { code: 'B', entries: [{ month: 6 }], indicators: [{ name: 'y', progress: [{ month: 6 }] }] },
    ]);
    expect(gaps.map((g) => g.path)).toEqual([
      ['projects', 1, 'forecastFullYear'],
      ['projects', 1, 'indicators', 0],
    ]);
  });
});

describe('整改 follow-up', () => {
  it('the unit moves 待整改 → 整改中 → 已整改 with a reply; only the acting side reopens', () => {
    expect(nextRectification('待整改', { by: 'unit', to: '整改中', reply: '已拟定方案' })).toBe('整改中');
    expect(nextRectification('整改中', { by: 'unit', to: '已整改', reply: '已完成' })).toBe('已整改');
    expect(codeOf(() => nextRectification('已整改', { by: 'unit', to: '整改中', reply: '再改' }))).toBe('CONFLICT');
    expect(nextRectification('已整改', { by: 'actor', to: '待整改', reply: '未达标' })).toBe('待整改');
    expect(codeOf(() => nextRectification('整改中', { by: 'actor', to: '待整改', reply: '理由' }))).toBe('CONFLICT');
    expect(codeOf(() => nextRectification('待整改', { by: 'unit', to: '整改中', reply: ' ' }))).toBe('VALIDATION');
  });
});

describe("a warning's follow-up, read from the actions that name it", () => {
  const action = (over: Partial<ActionFacts>): ActionFacts => ({
    warningId: 'behind-plan:P1:7',
    body: '督促加快支出',
    state: '待整改',
    createdBy: '财政局',
    createdAt: '2020-08-05T00:00:00.000Z',
    updatedBy: '财政局',
    updatedAt: '2020-08-05T00:00:00.000Z',
    ...over,
  });
  it('open without an action; action-recorded while one is 待整改 or 整改中; closed when all are 已整改', () => {
    expect(followUpOf('behind-plan:P1:7', [action({ warningId: 'other' })]).state).toBe('open');
    expect(followUpOf('behind-plan:P1:7', [action({ state: '整改中' })])).toMatchObject({
      state: 'action-recorded',
      action: '督促加快支出',
      actionBy: '财政局',
      closedAt: null,
    });
    const done = action({ state: '已整改', updatedBy: '张三', updatedAt: '2020-09-01T00:00:00.000Z' });
    expect(followUpOf('behind-plan:P1:7', [done])).toMatchObject({ state: 'closed', closedBy: '张三' });
    const again = action({ body: '暂缓拨款', state: '待整改' });
    expect(followUpOf('behind-plan:P1:7', [done, again])).toMatchObject({
      state: 'action-recorded',
      action: '暂缓拨款',
    });
  });
});
