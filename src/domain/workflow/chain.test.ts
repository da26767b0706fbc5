import { describe, expect, it } from 'vitest';
import { type ChainAncestor, chainShape, computeChain } from './chain.ts';
import { allowedActions, nextState } from './states.ts';
import { possibleActions } from './possible-actions.ts';
import { assertStep } from '../evaluation/procedure.ts';

const BUREAU: ChainAncestor = { code: 'CZJ', name: '财政局', kind: 'bureau', orgType: 'administrative' };
const DEPARTMENT: ChainAncestor = { code: '712', name: '教育局', kind: 'department', orgType: 'administrative' };
const UNION: ChainAncestor = { code: 'ZGH', name: '秦皇岛市总工会', kind: 'department', orgType: 'union' };
const UNIT = { kind: 'unit' } as const;

const summary = (ancestors: ChainAncestor[], unionBureauApproval = true) =>
  computeChain(UNIT, ancestors, { unionBureauApproval }).stages.map(
    (s) => `${s.kind}@${s.organisation.code}:${s.steps.join('/')}`,
  );

describe('approval chains (decision 049)', () => {
  it('defaults to unit → 主管部门 → 财政局', () => {
    expect(summary([DEPARTMENT, BUREAU])).toEqual([
      'department@712:review/return',
      'bureau@CZJ:return/approve/finalise',
    ]);
  });

  it('sends a unit directly under the bureau to the bureau alone', () => {
    expect(summary([BUREAU])).toEqual(['bureau@CZJ:return/approve/finalise']);
    expect(chainShape(computeChain(UNIT, [BUREAU]))).toEqual({ hasDepartment: false, finalRole: 'bureau' });
  });

  it('sends a union unit to its superior union, then to the bureau when the policy asks for its 批复', () => {
    expect(summary([UNION, BUREAU])).toEqual(['union@ZGH:review/return', 'bureau@CZJ:return/approve/finalise']);
    expect(chainShape(computeChain(UNIT, [UNION, BUREAU]))).toEqual({ hasDepartment: true, finalRole: 'bureau' });
  });

  it("ends a union unit's chain at the superior union when the bureau does not ask for its 批复", () => {
    expect(summary([UNION, BUREAU], false)).toEqual(['union@ZGH:return/approve/finalise']);
    const chain = computeChain(UNIT, [UNION, BUREAU], { unionBureauApproval: false });
    expect(chainShape(chain)).toEqual({ hasDepartment: false, finalRole: 'department' });
  });

  it("has a department's own targets (部门本级) reviewed by its own reviewers, then the bureau", () => {
    const holder = { kind: 'department', code: '712', name: '教育局', orgType: 'administrative' } as const;
    const stages = computeChain(holder, [BUREAU]).stages;
    expect(stages.map((s) => `${s.kind}@${s.organisation.code}`)).toEqual(['self@712', 'bureau@CZJ']);
  });

  it('gives no stage to a unit placed nowhere: nobody may approve', () => {
    expect(summary([])).toEqual([]);
    expect(chainShape(computeChain(UNIT, []))).toEqual({ hasDepartment: false, finalRole: null });
  });
});

describe('the state machine reads the chain', () => {
  const unionFinal = chainShape(computeChain(UNIT, [UNION, BUREAU], { unionBureauApproval: false }));
  const unionThenBureau = chainShape(computeChain(UNIT, [UNION, BUREAU]));

  it('lets the union approve and agree to adjustments when its decision is final, and the bureau nothing', () => {
    expect(allowedActions('submitted', 'department', unionFinal)).toEqual(['approve', 'return']);
    expect(allowedActions('submitted', 'bureau', unionFinal)).toEqual([]);
    expect(nextState('submitted', 'approve', 'department', unionFinal)).toBe('approved');
    expect(() => nextState('submitted', 'approve', 'bureau', unionFinal)).toThrow(/须由主管部门进行/);
    expect(allowedActions('adjustment-requested', 'department', unionFinal)).toEqual([
      'agree-adjustment',
      'reject-adjustment',
    ]);
    expect(allowedActions('adjustment-requested', 'bureau', unionFinal)).toEqual([]);
  });

  it('keeps review → approve when the bureau approves after the union', () => {
    expect(allowedActions('submitted', 'department', unionThenBureau)).toEqual(['review', 'return']);
    expect(allowedActions('department-reviewed', 'bureau', unionThenBureau)).toEqual(['approve', 'return']);
    expect(allowedActions('submitted', 'department', { hasDepartment: true })).toEqual(['review', 'return']);
  });

  it("offers the union's user 批复 as its main step when its decision is final, with the union's forms", () => {
    const base = { blocking: null, reviewStarted: false };
    const union = possibleActions({ ...unionFinal, state: 'submitted', role: 'department', ...base });
    expect(union.filter((c) => c.shown).map((c) => `${c.action}:${c.allowed}`)).toEqual([
      'return:true',
      'approve:true',
    ]);
    const bureau = possibleActions({ ...unionFinal, state: 'submitted', role: 'bureau', ...base });
    expect(bureau.filter((c) => c.allowed)).toEqual([]);
    const blocked = possibleActions({
      ...unionFinal,
      state: 'submitted',
      role: 'department',
      blocking: { level: 'department', items: [{ projectCode: null, name: '部门整体', reason: '未填写' }] },
      reviewStarted: false,
    });
    expect(blocked.find((c) => c.action === 'approve')?.reason?.code).toBe('opinions');
    const waiting = possibleActions({ ...unionFinal, state: 'draft', role: 'department', ...base });
    expect(waiting.find((c) => c.action === 'approve')).toMatchObject({ shown: true, allowed: false });
  });

  it('lets the union finalise and reopen 自评 when its decision is final; the bureau then takes no step', () => {
    expect(() => assertStep('finalise', 'reviewed', 'department', false, 'department')).not.toThrow();
    expect(() => assertStep('reopen', 'final', 'department', false, 'department')).not.toThrow();
    expect(() => assertStep('finalise', 'reviewed', 'bureau', false, 'department')).toThrow(/须由/);
    expect(() => assertStep('approve', 'submitted', 'bureau', false, 'department')).toThrow(/须由/);
    expect(() => assertStep('select', 'reviewed', 'bureau', false, 'department')).toThrow(/须由/);
    // The default chain is unchanged: the bureau finalises, the department may not.
    expect(() => assertStep('finalise', 'reviewed', 'bureau')).not.toThrow();
    expect(() => assertStep('finalise', 'reviewed', 'department')).toThrow(/须由财政局办理/);
  });
});
