import { describe, expect, it } from 'vitest';
import { cleanProject, documentOf, indicator, runRule } from './test-fixtures.ts';

const clean = documentOf([cleanProject()]);

describe('completeness.required-fields', () => {
  it('is silent on a complete project', () => expect(runRule('completeness.required-fields', clean)).toEqual([]));
  it('names each missing field with its path', () => {
    const doc = documentOf([
      cleanProject({ purpose: ' ', goals: [], indicators: [], budget: { total: null, fiscal: null, other: null } }),
    ]);
    expect(runRule('completeness.required-fields', doc).map((h) => h.path)).toEqual([
      ['purpose'],
      ['budget', 'total'],
      ['goals'],
      ['indicators'],
    ]);
  });
});

describe('completeness.indicator-fields', () => {
  it('is silent when every level is named', () => expect(runRule('completeness.indicator-fields', clean)).toEqual([]));
  it('fires on an empty level-2 name', () => {
    const p = cleanProject();
    p.indicators[1] = { ...p.indicators[1]!, level2: '' };
    expect(runRule('completeness.indicator-fields', documentOf([p]))).toMatchObject([
      { project: 'P-1', path: ['indicators', 1, 'level2'] },
    ]);
  });
});

describe('completeness.target-value', () => {
  it('is silent on numbers and qualitative values', () =>
    expect(runRule('completeness.target-value', clean)).toEqual([]));
  it('fires on a unit without a number (the seed’s 补助个人数量 “个”) and on an empty value', () => {
    const p = cleanProject();
    p.indicators[0] = indicator('产出指标', '数量指标', '补助个人数量', '个');
    p.indicators[1] = indicator('效益指标', '社会效益指标', '改善情况', '');
    const hits = runRule('completeness.target-value', documentOf([p]));
    expect(hits.map((h) => h.path)).toEqual([
      ['indicators', 0, 'target'],
      ['indicators', 1, 'target'],
    ]);
    expect(hits[0]!.message).toContain('缺少数值');
  });
});

describe('completeness.min-indicators', () => {
  it('is silent at the minimum', () => expect(runRule('completeness.min-indicators', clean)).toEqual([]));
  it('fires below it, and the minimum is a policy knob', () => {
    const doc = documentOf([cleanProject({ indicators: cleanProject().indicators.slice(0, 2) })]);
    expect(runRule('completeness.min-indicators', doc)).toHaveLength(1);
    expect(runRule('completeness.min-indicators', doc, { minIndicators: 2 })).toEqual([]);
  });
});

describe('completeness.indicator-coverage', () => {
  it('is silent with output and benefit', () => expect(runRule('completeness.indicator-coverage', clean)).toEqual([]));
  it('fires when there is no benefit indicator', () => {
    const doc = documentOf([
      cleanProject({ indicators: [cleanProject().indicators[0]!, cleanProject().indicators[2]!] }),
    ]);
    expect(runRule('completeness.indicator-coverage', doc).map((h) => h.message)).toEqual(['缺少效益指标']);
  });
});

describe('completeness.satisfaction-indicator', () => {
  const without = cleanProject({ indicators: cleanProject().indicators.slice(0, 2) });
  it('is silent when a satisfaction indicator exists', () =>
    expect(runRule('completeness.satisfaction-indicator', clean)).toEqual([]));
  it('fires for a project serving people (职工)', () => {
    expect(runRule('completeness.satisfaction-indicator', documentOf([without]))[0]!.message).toContain('职工');
  });
  it('stays silent for a project that serves nobody, unless the policy says always', () => {
    const road = { ...without, name: '道路维修', purpose: '道路维修工程' };
    expect(runRule('completeness.satisfaction-indicator', documentOf([road]))).toEqual([]);
    expect(
      runRule('completeness.satisfaction-indicator', documentOf([road]), { requireSatisfaction: 'always' }),
    ).toHaveLength(1);
  });
});

describe('completeness.spending-plan-filled', () => {
  it('is silent when every checkpoint has a value', () =>
    expect(runRule('completeness.spending-plan-filled', clean)).toEqual([]));
  it('fires on the empty 3月底 checkpoint', () => {
    const p = cleanProject({
      spendingPlan: [
        { month: 3, cumulativePercent: null },
        { month: 12, cumulativePercent: 100 },
      ],
    });
    expect(runRule('completeness.spending-plan-filled', documentOf([p]))).toMatchObject([
      { path: ['spendingPlan', 0, 'cumulativePercent'], message: expect.stringContaining('3月底') },
    ]);
  });
});

describe('feasibility.budget-identity (完整性: the budget cells agree)', () => {
  it('is silent when 15000 + 5000 = 20000, and when 其他资金 is empty', () => {
    expect(runRule('feasibility.budget-identity', documentOf([cleanProject()]))).toEqual([]);
    const seedLike = cleanProject({ budget: { total: '20000.00', fiscal: '20000.00', other: null } });
    expect(runRule('feasibility.budget-identity', documentOf([seedLike]))).toEqual([]);
  });
  it('fires when the parts do not add up (to the cent)', () => {
    const p = cleanProject({ budget: { total: '20000.00', fiscal: '15000.00', other: '4999.99' } });
    expect(runRule('feasibility.budget-identity', documentOf([p]))[0]!.message).toContain('19999.99');
  });
});
