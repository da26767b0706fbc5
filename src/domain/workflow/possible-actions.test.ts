import { describe, expect, it } from 'vitest';
import type { Role } from '../access.ts';
import { type ChoiceInput, editChoice, possibleActions, stateRefusal } from './possible-actions.ts';
import { WORKFLOW_STATES, type WorkflowState, allowedActions } from './states.ts';

const ROLES: Role[] = ['unit', 'department', 'bureau', 'auditor', 'admin'];

function choices(state: WorkflowState, role: Role, extra: Partial<ChoiceInput> = {}) {
  return possibleActions({ state, role, hasDepartment: true, blocking: null, reviewStarted: false, ...extra });
}

function byAction(state: WorkflowState, role: Role, extra: Partial<ChoiceInput> = {}) {
  return Object.fromEntries(choices(state, role, extra).map((c) => [c.action, c]));
}

describe('possible actions per state and role', () => {
  it('allows exactly what the state machine allows, for every state × role, without forms in the way', () => {
    for (const state of WORKFLOW_STATES)
      for (const role of ROLES)
        for (const hasDepartment of [true, false]) {
          const allowed = choices(state, role, { hasDepartment })
            .filter((c) => c.allowed)
            .map((c) => c.action);
          expect(allowed.sort()).toEqual(allowedActions(state, role, { hasDepartment }).sort());
        }
  });

  it('lists only the actions the role ever takes: the auditor none, the unit its own steps', () => {
    expect(choices('submitted', 'auditor')).toEqual([]);
    expect(choices('draft', 'unit').map((c) => c.action)).toEqual(['submit', 'request-adjustment', 'withdraw']);
    expect(choices('draft', 'department').map((c) => c.action)).toEqual(['review', 'return']);
    expect(choices('draft', 'admin')).toHaveLength(8);
  });

  it('gives the unit on submitted targets the reason, and offers withdrawal', () => {
    const unit = byAction('submitted', 'unit');
    expect(unit['submit']).toMatchObject({
      allowed: false,
      shown: true,
      reason: { code: 'submitted-department', message: '已报送，等待主管部门审核' },
    });
    expect(unit['withdraw']).toMatchObject({ allowed: true, shown: true, reason: null });
    expect(unit['request-adjustment']).toMatchObject({ allowed: false, shown: false });
    expect(byAction('submitted', 'unit', { hasDepartment: false })['submit']!.reason!.message).toBe(
      '已报送，等待财政部门批复',
    );
  });

  it('refuses withdrawal once a reviewer recorded a form, and after the department reviewed', () => {
    expect(byAction('submitted', 'unit', { reviewStarted: true })['withdraw']).toMatchObject({
      allowed: false,
      shown: true,
      reason: { code: 'review-started' },
    });
    expect(byAction('department-reviewed', 'unit')['withdraw']).toMatchObject({
      allowed: false,
      shown: false,
      reason: { code: 'department-reviewed', message: '主管部门已审核，等待财政部门批复' },
    });
  });

  it('says approved targets change through an adjustment', () => {
    const unit = byAction('approved', 'unit');
    expect(unit['submit']!.reason!.message).toBe('已批复，如需修改请申请调整');
    expect(unit['request-adjustment']!.allowed).toBe(true);
  });

  it("keeps review and approve disabled with the forms' count while forms stop them", () => {
    const items = [{ projectCode: 'P1', name: '项目一', reason: '尚未填写主管部门绩效目标审核意见表' }];
    const department = byAction('submitted', 'department', { blocking: { level: 'department', items } });
    expect(department['review']).toMatchObject({ allowed: false, shown: true, reason: { code: 'opinions', count: 1 } });
    expect(department['review']!.reason!.message).toContain('需要主管部门绩效目标审核意见表');
    expect(department['return']!.allowed).toBe(true);
    // The department's blocking list never stops the bureau's approval, and an empty list stops nothing.
    expect(
      byAction('department-reviewed', 'bureau', { blocking: { level: 'department', items } })['approve']!.allowed,
    ).toBe(true);
    expect(
      byAction('department-reviewed', 'bureau', { blocking: { level: 'bureau', items: [] } })['approve']!.allowed,
    ).toBe(true);
  });

  it("shows each reviewer's main step disabled while the document is with the unit", () => {
    for (const state of ['draft', 'returned', 'adjusting'] as const) {
      const department = byAction(state, 'department');
      expect(department['review']).toMatchObject({ allowed: false, shown: true, reason: stateRefusal(state, true) });
      expect(department['return']!.shown).toBe(false);
    }
    expect(byAction('submitted', 'bureau')['approve']).toMatchObject({
      allowed: false,
      shown: true,
      reason: { code: 'submitted-department' },
    });
  });

  it('names a reason for every refusal', () => {
    for (const state of WORKFLOW_STATES)
      for (const role of ROLES)
        for (const choice of choices(state, role))
          expect(choice.allowed || (choice.reason?.message.length ?? 0) > 0).toBe(true);
  });
});

describe('editing', () => {
  const unitAccess = { roleEdits: true, reaches: true };

  it('is open in draft, returned and adjusting, with the state as reason otherwise', () => {
    const open: WorkflowState[] = ['draft', 'returned', 'adjusting'];
    for (const state of WORKFLOW_STATES) {
      const choice = editChoice(state, true, unitAccess);
      expect(choice.allowed).toBe(open.includes(state));
      if (!choice.allowed) expect(choice.reason).toEqual(stateRefusal(state, true));
    }
    expect(editChoice('approved', true, unitAccess).reason!.message).toBe('已批复，如需修改请申请调整');
  });

  it('is closed to a role without the edit permission, and outside its unit', () => {
    expect(editChoice('draft', true, { roleEdits: false, reaches: false }).reason!.code).toBe('role');
    expect(editChoice('draft', true, { roleEdits: true, reaches: false }).reason!.code).toBe('reach');
  });
});
