import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/app-errors.ts';
import {
  type OpinionForm,
  assertStepAllowed,
  automatedGrades,
  blockingItems,
  consequenceOf,
  formProblem,
  pendingLevel,
  recordLevelFor,
  stepLevel,
} from './opinion.ts';
import { DEFAULT_REVIEW_POLICY } from './policy.ts';
import type { Finding } from './types.ts';

const items = [
  { projectCode: 'P1', name: '职工体检' },
  { projectCode: 'P2', name: '劳模慰问' },
  { projectCode: null, name: '部门整体绩效目标' },
];
const form = (projectCode: string | null, overall: OpinionForm['overall'], note?: string): OpinionForm => ({
  projectCode,
  overall,
  consultationNote: note ?? null,
});

describe('the reviewer’s form: consequences per 财预〔2015〕88号', () => {
  it('maps 优 → proceed, 良 → after consultation, 中 → return, 差 → refuse', () => {
    expect((['优', '良', '中', '差'] as const).map(consequenceOf)).toEqual([
      'proceed',
      'proceed-after-consultation',
      'return',
      'refuse',
    ]);
  });

  it('lets the step go when every item has a form graded 优, or 良 with its consultation note', () => {
    const forms = [form('P1', '优'), form('P2', '良', '已与单位协商补充数量指标'), form(null, '优')];
    expect(blockingItems(items, forms, 'bureau')).toEqual([]);
    expect(() => assertStepAllowed(items, forms, 'bureau')).not.toThrow();
  });

  it('blocks an item without a form, graded 中 or 差, or 良 without a note — naming each', () => {
    const forms = [form('P1', '差'), form('P2', '良', '  ')];
    expect(blockingItems(items, forms, 'department')).toEqual([
      { projectCode: 'P1', name: '职工体检', reason: expect.stringContaining('不得进入预算编制') },
      { projectCode: 'P2', name: '劳模慰问', reason: expect.stringContaining('协商调整') },
      { projectCode: null, name: '部门整体绩效目标', reason: '尚未填写主管部门绩效目标审核意见表' },
    ]);
    const middle = blockingItems(items, [form('P1', '中'), form('P2', '优'), form(null, '优')], 'bureau');
    expect(middle).toEqual([
      { projectCode: 'P1', name: '职工体检', reason: expect.stringContaining('退回修改后重新报送') },
    ]);
  });

  it('refuses a blocked step with CONFLICT pointing at the first item, every item in the issues', async () => {
    const error = await expectAppError(
      Promise.resolve().then(() => assertStepAllowed(items, [form('P1', '优'), form('P2', '差')], 'bureau')),
      'CONFLICT',
    );
    expect(error.message).toContain('劳模慰问（P2）审核结果为“差”：不得进入预算编制');
    expect(error.message).toContain('另有 1 项');
    expect(error.location).toMatchObject({ field: 'projectCode' });
    expect(error.issues).toHaveLength(2);
  });

  it('requires the consultation note when the result is 良', () => {
    expect(formProblem(form('P1', '良'))).toContain('协商调整');
    expect(formProblem(form('P1', '良', '已协商'))).toBeNull();
    expect(formProblem(form('P1', '差'))).toBeNull();
  });

  it('asks the department at review and the bureau at approval; the bureau alone without a department', () => {
    expect([stepLevel('review'), stepLevel('approve'), stepLevel('return'), stepLevel('submit')]).toEqual([
      'department',
      'bureau',
      null,
      null,
    ]);
    expect(pendingLevel('submitted', true)).toBe('department');
    expect(pendingLevel('submitted', false)).toBe('bureau');
    expect(pendingLevel('department-reviewed', true)).toBe('bureau');
    expect(pendingLevel('approved', true)).toBeNull();
    expect(recordLevelFor('department', 'submitted', true)).toEqual({ level: 'department', reason: null });
    expect(recordLevelFor('bureau', 'submitted', true).reason).toContain('当前等待主管部门审核');
    expect(recordLevelFor('admin', 'department-reviewed', true).level).toBe('bureau');
    expect(recordLevelFor('bureau', 'draft', true).reason).toContain('报送后方可填写');
  });

  it('suggests a grade per item from that item’s findings alone', () => {
    const finding = (project: string | null, severity: Finding['severity']): Finding => ({
      rule: 'x',
      criterion: '完整性',
      severity,
      project,
      path: [],
      message: '',
      messageEn: '',
    });
    const findings = [finding('P1', 'error'), finding('P2', 'warning'), finding(null, 'info')];
    const grades = automatedGrades(items, findings, DEFAULT_REVIEW_POLICY);
    expect([...grades.entries()]).toEqual([
      ['P1', '中'],
      ['P2', '优'],
      ['', '优'],
    ]);
  });
});
