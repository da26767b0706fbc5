import { describe, expect, it } from 'vitest';
import { issueAt, possibleSteps, setBudget, setManagement, type Form } from './form-state.ts';

const form: Form = {
  budget: {
    fiscal: { initial: '10.00', adjusted: null, spent: null },
    other: { initial: null, adjusted: null, spent: null },
  },
  executionReason: '',
  summary: '',
  indicators: [],
  management: [{ key: 'rules', score: null, reason: '' }],
};

describe('department evaluation form state', () => {
  it('keeps an emptied amount as not stated and edits one management item', () => {
    expect(setBudget(form, 'fiscal', 'initial', ' ').budget.fiscal.initial).toBeNull();
    expect(setBudget(form, 'other', 'spent', '5').budget.other.spent).toBe('5');
    expect(setManagement(form, 0, { score: '4' }).management[0]).toEqual({ key: 'rules', score: '4', reason: '' });
  });

  it('finds the issue at a field', () => {
    const issues = [{ path: ['form', 'management', 0, 'reason'], message: '须说明扣分理由' }];
    expect(issueAt(issues, ['management', 0, 'reason'])).toBe('须说明扣分理由');
    expect(issueAt(issues, ['management', 0, 'score'])).toBeNull();
  });

  it('offers the reviewers their steps, disabled with the reason', () => {
    expect(possibleSteps('submitted', 'unit', '')).toEqual([]);
    const department = possibleSteps('submitted', 'department', '');
    expect(department.map((s) => [s.step, s.why])).toEqual([
      ['approve', null],
      ['return', 'deptEval.why.comment'],
    ]);
    const bureau = possibleSteps('reviewed', 'bureau', '抽查');
    expect(bureau.map((s) => [s.step, s.why])).toEqual([
      ['approve', 'deptEval.why.status'],
      ['return', 'deptEval.why.status'],
      ['rescore', null],
      ['finalise', null],
      ['reopen', null],
    ]);
  });
});
