import { describe, expect, it } from 'vitest';
import type { Project } from '../targets.ts';
import { reviewTargets } from './index.ts';
import { cleanProject, documentOf, indicator, runRule } from './test-fixtures.ts';
import type { IndicatorPeer } from './unit-cost.ts';

/* 适当性: the money against the targets (财预〔2015〕88号 第三条（三）; guide §4 rules 9 and 15). */

const budget = (total: string): Project['budget'] => ({ total, fiscal: total, other: null });

describe('appropriateness.budget-positive', () => {
  it('is silent on a positive budget, and on a missing one (completeness.required-fields reports that)', () => {
    expect(runRule('appropriateness.budget-positive', documentOf([cleanProject()]))).toEqual([]);
    const missing = cleanProject({ budget: { total: null, fiscal: null, other: null } });
    expect(runRule('appropriateness.budget-positive', documentOf([missing]))).toEqual([]);
  });
  it('is an error on a budget of 0 and on a negative one, at 预算数', () => {
    const zero = runRule('appropriateness.budget-positive', documentOf([cleanProject({ budget: budget('0.00') })]));
    expect(zero).toEqual([expect.objectContaining({ project: 'P-1', path: ['budget', 'total'] })]);
    expect(zero[0]!.message).toBe('预算数为 0.00 元：预算为 0 或负数，资金规模与绩效目标无法匹配');
    const negative = cleanProject({ budget: budget('-500.00') });
    expect(runRule('appropriateness.budget-positive', documentOf([negative]))).toHaveLength(1);
    const report = reviewTargets(documentOf([cleanProject({ budget: budget('0.00') })]));
    expect(report.findings.find((f) => f.rule === 'appropriateness.budget-positive')).toMatchObject({
      severity: 'error',
      criterion: '适当性',
    });
    // The only project has an error: more than half the projects (grade rule) — 差, it may not go to budgeting.
    expect(report.grade).toBe('差');
  });
});

/** A training project: budget, then 培训人数 as its 数量指标. */
function training(code: string, total: string, people: string, extra: Partial<Project> = {}): Project {
  return cleanProject({
    code,
    name: `农机手培训${code}`,
    budget: budget(total),
    indicators: [
      indicator('产出指标', '数量指标', '培训人数', people, { description: '参训人数' }),
      ...cleanProject().indicators.slice(1),
    ],
    ...extra,
  });
}

const peer = (
  source: IndicatorPeer['source'],
  budgetTotal: string,
  quantity: number,
  name = '培训人数',
): IndicatorPeer => ({
  source,
  unitCode: source === 'last-year' ? 'U1' : 'U2',
  fiscalYear: source === 'last-year' ? 2019 : 2020,
  projectCode: `X-${budgetTotal}`,
  name,
  unit: '人',
  quantity,
  budgetTotal,
});

describe('appropriateness.unit-cost', () => {
  it('is silent within the band and without any peer', () => {
    // 100 元/人 against 150 元/人: within 3× either way.
    const doc = documentOf([training('A', '10000.00', '≥100人'), training('B', '15000.00', '≥100人')]);
    expect(runRule('appropriateness.unit-cost', doc)).toEqual([]);
    expect(runRule('appropriateness.unit-cost', documentOf([training('A', '10000.00', '≥100人')]))).toEqual([]);
  });

  it('flags both projects of a document whose costs per unit are more than 3× apart, at the target', () => {
    // A: 10000 元 / 100 人 = 100 元/人; B: 60000 元 / 100 人 = 600 元/人 — 6× apart.
    const doc = documentOf([training('A', '10000.00', '≥100人'), training('B', '60000.00', '≥100 人')]);
    const hits = runRule('appropriateness.unit-cost', doc);
    expect(hits.map((h) => [h.project, h.path])).toEqual([
      ['A', ['indicators', 0, 'target']],
      ['B', ['indicators', 0, 'target']],
    ]);
    expect(hits[1]!.message).toBe(
      '第1个指标“培训人数”的单位产出成本 600.00 元/人（预算数 ÷ 100），同类指标中位数 100.00 元/人（本单位其他项目 1 个），为中位数的 6.0 倍：请核实资金规模与目标是否匹配',
    );
    expect(hits[0]!.message).toContain('仅为中位数的 1/6.0');
  });

  it('compares with last year and other units of the bureau when given, by the peers’ median, exactly', () => {
    // Own: 9000.01 元 / 30 人 = 300.0003 元/人; peers 90, 100, 110 元/人 (median 100): just above 3×.
    const doc = documentOf([training('A', '9000.01', '≥30人')]);
    const peers = [peer('last-year', '9000.00', 100), peer('bureau', '10000.00', 100), peer('bureau', '11000.00', 100)];
    const hits = runRule('appropriateness.unit-cost', doc, {}, peers);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toContain('（本单位上年 1 个、同一财政局其他单位 2 个）');
    // Exactly 3× (9000.00 / 30 = 300) is inside the band.
    expect(runRule('appropriateness.unit-cost', documentOf([training('A', '9000.00', '≥30人')]), {}, peers)).toEqual(
      [],
    );
  });

  it('matches the folded 三级 name and the unit only; the factor and the peer count are policy knobs', () => {
    const doc = documentOf([training('A', '60000.00', '≥100人')]);
    expect(runRule('appropriateness.unit-cost', doc, {}, [peer('bureau', '10000.00', 100, '培训 人数')])).toHaveLength(
      1,
    );
    expect(runRule('appropriateness.unit-cost', doc, {}, [peer('bureau', '10000.00', 100, '培训班次')])).toEqual([]);
    expect(runRule('appropriateness.unit-cost', doc, {}, [{ ...peer('bureau', '10000.00', 100), unit: '次' }])).toEqual(
      [],
    );
    const one = [peer('bureau', '10000.00', 100)];
    expect(runRule('appropriateness.unit-cost', doc, { unitCostFactor: 8 }, one)).toEqual([]);
    expect(runRule('appropriateness.unit-cost', doc, { unitCostMinPeers: 2 }, one)).toEqual([]);
  });

  it('prices only 产出/数量指标 with a positive number that is not a rate or money', () => {
    const rate = training('A', '60000.00', '≥90%');
    const atMost = training('B', '10000.00', '≤100人');
    const peers = [peer('bureau', '10000.00', 100)];
    expect(runRule('appropriateness.unit-cost', documentOf([rate, atMost]), {}, peers)).toEqual([]);
  });

  it('is an aid: shown as a warning, never counted in the grade', () => {
    const doc = documentOf([training('A', '10000.00', '≥100人'), training('B', '60000.00', '≥100人')]);
    const report = reviewTargets(doc, {}, [peer('bureau', '10000.00', 100), peer('last-year', '9000.00', 100)]);
    const aids = report.findings.filter((f) => f.rule === 'appropriateness.unit-cost');
    expect(aids.map((f) => [f.project, f.severity, f.criterion])).toEqual([['B', 'warning', '适当性']]);
    expect(report.grade).toBe('优');
    expect(reviewTargets(doc).grade).toBe(report.grade);
  });
});
