import { describe, expect, it } from 'vitest';
import type { WorkflowView } from '../../contract/workflow.ts';
import { approvedVersionToCompare, commentRequired } from './adjustment.ts';

type View = Pick<WorkflowView, 'state' | 'versions' | 'adjustments'>;

const version = (number: number, action: 'submit' | 'approve') => ({
  number,
  action,
  at: '2026-01-01T00:00:00Z',
  actorName: 'x',
  state: action === 'approve' ? ('approved' as const) : ('submitted' as const),
  documentVersion: number,
});
const adjustment = (state: 'open' | 'approved' | 'rejected') => ({
  id: 1,
  at: '2026-01-01T00:00:00Z',
  requestedBy: 'unit',
  reason: '预算调整',
  state,
  closedAt: null,
});

describe('adjustment through approval', () => {
  const versions = [version(1, 'submit'), version(2, 'approve'), version(3, 'submit'), version(4, 'approve')];

  it('compares with the last approved version while an agreed adjustment is under way', () => {
    for (const state of ['adjusting', 'submitted', 'department-reviewed', 'returned'] as const) {
      const view: View = { state, versions, adjustments: [adjustment('open')] };
      expect(approvedVersionToCompare(view)?.number).toBe(4);
    }
  });

  it('offers no comparison before the bureau agreed, after approval, or without an open adjustment', () => {
    expect(
      approvedVersionToCompare({ state: 'adjustment-requested', versions, adjustments: [adjustment('open')] }),
    ).toBe(null);
    expect(approvedVersionToCompare({ state: 'approved', versions, adjustments: [adjustment('approved')] })).toBe(null);
    expect(approvedVersionToCompare({ state: 'submitted', versions, adjustments: [adjustment('rejected')] })).toBe(
      null,
    );
    expect(approvedVersionToCompare({ state: 'submitted', versions: [], adjustments: [adjustment('open')] })).toBe(
      null,
    );
  });

  it('requires the reason to return and to refuse an adjustment, not to agree', () => {
    expect(commentRequired('return')).toBe(true);
    expect(commentRequired('reject-adjustment')).toBe(true);
    expect(commentRequired('agree-adjustment')).toBe(false);
    expect(commentRequired('approve')).toBe(false);
  });
});
