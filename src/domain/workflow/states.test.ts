import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/app-errors.ts';
import {
  allowedActions,
  isEditableState,
  lockedMessage,
  nextState,
  stateBeforeSubmission,
  WORKFLOW_STATES,
  type WorkflowAction,
  type WorkflowState,
} from './states.ts';

const withDept = { hasDepartment: true };
const noDept = { hasDepartment: false };

async function refused(run: () => unknown, code: 'CONFLICT' | 'FORBIDDEN') {
  return expectAppError(Promise.resolve().then(run), code);
}

describe('workflow state machine', () => {
  it('walks the full path draft → submitted → department-reviewed → approved → adjustment-requested → adjusting → submitted', () => {
    const steps: [WorkflowAction, 'unit' | 'department' | 'bureau', WorkflowState][] = [
      ['submit', 'unit', 'submitted'],
      ['review', 'department', 'department-reviewed'],
      ['approve', 'bureau', 'approved'],
      ['request-adjustment', 'unit', 'adjustment-requested'],
      ['agree-adjustment', 'bureau', 'adjusting'],
      ['submit', 'unit', 'submitted'],
    ];
    let state: WorkflowState = 'draft';
    for (const [action, role, expected] of steps) {
      state = nextState(state, action, role, withDept);
      expect(state).toBe(expected);
    }
  });

  it('lets the department return at submitted and the bureau return at either review stage', () => {
    expect(nextState('submitted', 'return', 'department', withDept)).toBe('returned');
    expect(nextState('submitted', 'return', 'bureau', withDept)).toBe('returned');
    expect(nextState('department-reviewed', 'return', 'bureau', withDept)).toBe('returned');
    expect(nextState('returned', 'submit', 'unit', withDept)).toBe('submitted');
  });

  it('offers each role exactly its buttons', () => {
    expect(allowedActions('draft', 'unit', withDept)).toEqual(['submit']);
    expect(allowedActions('draft', 'bureau', withDept)).toEqual([]);
    expect(allowedActions('submitted', 'department', withDept)).toEqual(['review', 'return']);
    expect(allowedActions('submitted', 'bureau', withDept)).toEqual(['return']);
    expect(allowedActions('submitted', 'unit', withDept)).toEqual(['withdraw']);
    expect(allowedActions('department-reviewed', 'bureau', withDept)).toEqual(['approve', 'return']);
    expect(allowedActions('department-reviewed', 'department', withDept)).toEqual([]);
    expect(allowedActions('approved', 'unit', withDept)).toEqual(['request-adjustment']);
    expect(allowedActions('approved', 'auditor', withDept)).toEqual([]);
    expect(allowedActions('submitted', 'admin', withDept)).toEqual(['withdraw', 'review', 'return']);
  });

  it('lets the unit withdraw a submission back to draft only while it waits for the first review', async () => {
    expect(nextState('submitted', 'withdraw', 'unit', withDept)).toBe('draft');
    expect(nextState('submitted', 'withdraw', 'unit', noDept)).toBe('draft');
    await refused(() => nextState('department-reviewed', 'withdraw', 'unit', withDept), 'CONFLICT');
    await refused(() => nextState('approved', 'withdraw', 'unit', withDept), 'CONFLICT');
    await refused(() => nextState('submitted', 'withdraw', 'department', withDept), 'FORBIDDEN');
  });

  it('sends a withdrawn submission back to the editable state it came from', () => {
    const submit = (from: WorkflowState) => ({ action: 'submit' as const, from });
    expect(stateBeforeSubmission([submit('draft')])).toBe('draft');
    expect(stateBeforeSubmission([submit('draft'), { action: 'return', from: 'submitted' }, submit('returned')])).toBe(
      'returned',
    );
    expect(stateBeforeSubmission([submit('adjusting')])).toBe('adjusting');
    expect(stateBeforeSubmission([])).toBe('draft');
  });

  it('reopens approved targets only when the bureau agrees to the adjustment; a refusal keeps them approved', async () => {
    expect(allowedActions('adjustment-requested', 'bureau', withDept)).toEqual([
      'agree-adjustment',
      'reject-adjustment',
    ]);
    expect(allowedActions('adjustment-requested', 'unit', withDept)).toEqual([]);
    expect(allowedActions('adjustment-requested', 'department', withDept)).toEqual([]);
    expect(nextState('adjustment-requested', 'reject-adjustment', 'bureau', withDept)).toBe('approved');
    expect(nextState('adjustment-requested', 'agree-adjustment', 'bureau', noDept)).toBe('adjusting');
    await refused(() => nextState('adjustment-requested', 'agree-adjustment', 'unit', withDept), 'FORBIDDEN');
    await refused(() => nextState('adjustment-requested', 'agree-adjustment', 'department', withDept), 'FORBIDDEN');
    await refused(() => nextState('approved', 'agree-adjustment', 'bureau', withDept), 'CONFLICT');
    await refused(() => nextState('adjustment-requested', 'submit', 'unit', withDept), 'CONFLICT');
    expect(isEditableState('adjustment-requested')).toBe(false);
    expect(lockedMessage('adjustment-requested')).toContain('调整申请待财政部门批准');
  });

  it('lets the bureau approve at submitted only when the unit has no department', () => {
    expect(allowedActions('submitted', 'bureau', noDept)).toEqual(['approve', 'return']);
    expect(nextState('submitted', 'approve', 'bureau', noDept)).toBe('approved');
  });

  it('refuses an illegal move with CONFLICT naming the state and what is allowed', async () => {
    const error = await refused(() => nextState('approved', 'submit', 'unit', withDept), 'CONFLICT');
    expect(error.message).toBe('当前状态为「已批复」，不能报送；当前可执行的操作：申请调整');
    const skip = await refused(() => nextState('submitted', 'approve', 'bureau', withDept), 'CONFLICT');
    expect(skip.message).toContain('当前可执行的操作：退回');
  });

  it('refuses a legal move by the wrong role with FORBIDDEN', async () => {
    const error = await refused(() => nextState('submitted', 'review', 'unit', withDept), 'FORBIDDEN');
    expect(error.message).toBe(
      '当前状态为「已报送（待主管部门审核）」，主管部门审核通过须由主管部门进行；您可执行的操作：撤回报送',
    );
    await refused(() => nextState('draft', 'submit', 'bureau', withDept), 'FORBIDDEN');
    await refused(() => nextState('department-reviewed', 'approve', 'auditor', withDept), 'FORBIDDEN');
  });

  it('locks everything except draft, returned and adjusting', () => {
    expect(WORKFLOW_STATES.filter(isEditableState)).toEqual(['draft', 'returned', 'adjusting']);
    expect(lockedMessage('draft')).toBeNull();
    expect(lockedMessage('approved')).toContain('绩效目标已批复，修改需先提出调整申请');
    expect(lockedMessage('submitted')).toContain('审核期间不能修改');
  });
});
