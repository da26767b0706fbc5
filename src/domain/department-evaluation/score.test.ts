import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { toFixed } from '../rational.ts';
import { DEFAULT_SCORING_POLICY } from '../scoring/policy.ts';
import { SEED_LIKE, all } from '../scoring/test-fixtures.ts';
import { budgetExecution } from './budget-execution.ts';
import type { DepartmentEvaluationInput } from './model.ts';
import { DEFAULT_DEPARTMENT_EVALUATION_POLICY } from './policy.ts';
import { departmentEvaluationGaps } from './gaps.ts';
import { prefillDepartmentEvaluation } from './prefill.ts';
import { scoreDepartmentEvaluation } from './score.ts';

const fullManagement = DEFAULT_DEPARTMENT_EVALUATION_POLICY.managementItems.map((m) => ({
  key: m.key,
  score: String(m.points),
  reason: '',
}));

function form(overrides: Partial<DepartmentEvaluationInput> = {}): DepartmentEvaluationInput {
  return {
    budget: {
      fiscal: { initial: '100000.00', adjusted: '120000.00', spent: '108000.00' },
      other: { initial: '20000.00', adjusted: '20000.00', spent: '18000.00' },
    },
    executionReason: '',
    summary: '',
    indicators: all('95%', '92%', '96%'),
    management: fullManagement,
    ...overrides,
  };
}

const score = (input: DepartmentEvaluationInput) =>
  scoreDepartmentEvaluation(SEED_LIKE.indicators, input, DEFAULT_SCORING_POLICY, DEFAULT_DEPARTMENT_EVALUATION_POLICY);

describe('budget execution', () => {
  it('totals by source and computes 结转结余 = 调整后 − 执行 exactly in 分', () => {
    const lines = budgetExecution({
      fiscal: { initial: '0.10', adjusted: '0.30', spent: '0.10' },
      other: { initial: '0.20', adjusted: '0.01', spent: null },
    });
    expect(lines.map((l) => [l.source, l.initial, l.adjusted, l.spent, l.carryOver])).toEqual([
      ['total', '0.30', '0.31', '0.10', '0.21'],
      ['fiscal', '0.10', '0.30', '0.10', '0.20'],
      ['other', '0.20', '0.01', null, null],
    ]);
    expect(toFixed(lines[1]!.rate!, 4)).toBe('0.3333');
  });

  it('has no rate for a zero adjusted budget', () => {
    const [total] = budgetExecution({
      fiscal: { initial: null, adjusted: '0.00', spent: '0.00' },
      other: { initial: null, adjusted: null, spent: null },
    });
    expect(total!.rate).toBeNull();
    expect(total!.carryOver).toBe('0.00');
  });
});

describe('scoreDepartmentEvaluation', () => {
  it('weights the project formula to 80 and adds the management items to 100', () => {
    const result = score(form());
    // execution 126000/140000 = 90 % → 9 of 10; indicators all met → 90; ×0.8 = 79.2; + 20.
    expect(toFixed(result.performance.score)).toBe('99.00');
    expect(toFixed(result.performancePoints)).toBe('79.20');
    expect(toFixed(result.total)).toBe('99.20');
    expect(result.grade).toBe('优');
    expect(result.incomplete).toBe(false);
  });

  it('is incomplete without a grade while a management item is unscored or lacks its reason', () => {
    const unscored = score(form({ management: fullManagement.slice(1) }));
    expect(unscored.management[0]!.missing).toBe(true);
    expect(unscored.grade).toBeNull();
    const lower = fullManagement.map((m, i) => (i === 0 ? { ...m, score: '2.5' } : m));
    const noReason = score(form({ management: lower }));
    expect(noReason.management[0]!.reasonRequired).toBe(true);
    expect(noReason.grade).toBeNull();
    const withReason = score(form({ management: lower.map((m, i) => (i === 0 ? { ...m, reason: '目标不明确' } : m)) }));
    expect(toFixed(withReason.total)).toBe('96.70');
    expect(withReason.grade).toBe('优');
  });

  it('grades by the scoring policy thresholds', () => {
    const strict = { ...DEFAULT_SCORING_POLICY, grades: { excellent: 99.5, good: 99.2, fair: 60 } };
    const at = (policy: typeof strict) =>
      scoreDepartmentEvaluation(SEED_LIKE.indicators, form(), policy, DEFAULT_DEPARTMENT_EVALUATION_POLICY).grade;
    expect(at(strict)).toBe('良');
    expect(at({ ...strict, grades: { excellent: 99.5, good: 99.3, fair: 99.2 } })).toBe('中');
  });

  it('refuses a score above the item points, at the field', () => {
    const over = fullManagement.map((m, i) => (i === 2 ? { ...m, score: '6' } : m));
    try {
      score(form({ management: over }));
      expect.fail('should refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).location).toEqual({ path: ['management', 2, 'score'] });
    }
  });

  it('refuses an item the policy does not name', () => {
    expect(() => score(form({ management: [{ key: 'x', score: '1', reason: '' }] }))).toThrow(/没有管理指标/);
  });
});

describe('prefillDepartmentEvaluation', () => {
  it('sums the projects by source, books adjustments to 财政拨款 and takes the 执行数 split', () => {
    const form = prefillDepartmentEvaluation(
      {},
      [
        {
          budget: { total: '100.00', fiscal: '80.00', other: '20.00' },
          adjusted: '130.00',
          spent: '90.00',
          spentFiscal: '70.00',
          spentOther: '20.00',
        },
        {
          budget: { total: '50.10', fiscal: '50.10', other: null },
          adjusted: null,
          spent: '40.00',
          spentFiscal: null,
          spentOther: null,
        },
      ],
      DEFAULT_DEPARTMENT_EVALUATION_POLICY,
    );
    expect(form.budget).toEqual({
      fiscal: { initial: '130.10', adjusted: '160.10', spent: '110.00' },
      other: { initial: '20.00', adjusted: '20.00', spent: '20.00' },
    });
    expect(form.management.map((m) => m.score)).toEqual([null, null, null, null]);
  });

  it('prefers the 整体目标表 年度预算 and lists the overall indicators without actuals', () => {
    const form = prefillDepartmentEvaluation(
      { budget: { total: '10.00', fiscal: '6.00', other: '4.00' }, indicators: SEED_LIKE.indicators },
      [],
      DEFAULT_DEPARTMENT_EVALUATION_POLICY,
    );
    expect(form.budget.fiscal).toEqual({ initial: '6.00', adjusted: '6.00', spent: null });
    expect(form.indicators.map((i) => i.name)).toEqual(SEED_LIKE.indicators.map((i) => i.name));
  });
});

describe('departmentEvaluationGaps', () => {
  it('lists every gap in form order, pointing at the field', () => {
    const input = form({
      indicators: [{ name: '补助金发放率', actual: '80%' }],
      management: [{ key: 'budget-preparation', score: '3', reason: '' }],
    });
    const gaps = departmentEvaluationGaps(score(input), input);
    expect(gaps.map((g) => g.path.join('.'))).toEqual([
      'indicators.0.deviationReason',
      'indicators.1.actual',
      'indicators.2.actual',
      'management.0.reason',
      'management.1.score',
      'management.2.score',
      'management.3.score',
    ]);
    expect(departmentEvaluationGaps(score(form()), form())).toEqual([]);
  });
});
