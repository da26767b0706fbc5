import { describe, expect, it } from 'vitest';
import type { WorkflowView } from '../../contract/workflow.ts';
import { returnedComments } from './returned-comments.ts';

const entry = (id: number, action: 'submit' | 'return', at: string) => ({
  id,
  at,
  actorName: 'x',
  actorRole: 'unit',
  action,
  from: 'draft' as const,
  to: 'submitted' as const,
  comment: '',
});
const comment = (id: number, at: string, projectCode: string | null, body: string) => ({
  id,
  at,
  actorName: '李审核',
  actorRole: 'bureau',
  state: 'returned' as const,
  projectCode,
  indicatorIndex: null,
  body,
  transitionId: null,
});

function view(state: WorkflowView['state']): WorkflowView {
  return {
    state,
    history: [
      entry(1, 'submit', '2026-12-01T00:00:00Z'),
      entry(2, 'return', '2026-12-02T00:00:00Z'),
      entry(3, 'submit', '2026-12-03T00:00:00Z'),
      entry(4, 'return', '2026-12-04T00:00:00Z'),
    ],
    comments: [
      comment(1, '2026-12-02T00:00:00Z', 'P1', '第一轮的意见'),
      comment(2, '2026-12-04T00:00:00Z', 'P1', '满意度指标值偏低'),
      comment(3, '2026-12-04T00:00:00Z', null, '整体目标请补充'),
      comment(4, '2026-12-04T00:00:00Z', 'P2', '别的项目'),
    ],
  } as WorkflowView;
}

describe('returned comments where the project is edited', () => {
  it("shows this round's comments on the document and on this project", () => {
    expect(returnedComments(view('returned'), 'P1').map((c) => c.body)).toEqual(['满意度指标值偏低', '整体目标请补充']);
    expect(returnedComments(view('returned'), null).map((c) => c.body)).toEqual(['整体目标请补充']);
  });

  it('keeps showing them after a resubmission was withdrawn back to returned', () => {
    const withdrawn = view('returned');
    withdrawn.history = [...withdrawn.history, entry(5, 'submit', '2026-12-05T00:00:00Z')];
    expect(returnedComments(withdrawn, 'P1').map((c) => c.body)).toEqual(['满意度指标值偏低', '整体目标请补充']);
  });

  it('shows nothing once the targets are no longer returned', () => {
    expect(returnedComments(view('submitted'), 'P1')).toEqual([]);
    expect(returnedComments(view('draft'), 'P1')).toEqual([]);
  });
});
