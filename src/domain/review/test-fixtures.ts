import { normaliseIndicator } from '../normalise.ts';
import type { Indicator, Project, TargetsDocument } from '../targets.ts';
import { REVIEW_RULES } from './index.ts';
import { resolveReviewPolicy, type ReviewPolicy } from './policy.ts';
import type { Hit } from './types.ts';
import type { IndicatorPeer } from './unit-cost.ts';

/** Test builders for the rule tests (not used by the application). */
export function indicator(
  level1: string,
  level2: string,
  name: string,
  raw: string,
  overrides: Partial<Indicator> = {},
): Indicator {
  return normaliseIndicator({
    level1,
    level2,
    name,
    description: '',
    target: { raw, op: null, value: null, unit: null },
    basis: '计划标准',
    category: null,
    ...overrides,
  });
}

/** A project that passes every rule: the tests break one thing at a time. */
export function cleanProject(overrides: Partial<Project> = {}): Project {
  return {
    code: 'P-1',
    name: '困难职工帮扶资金',
    budget: { total: '20000.00', fiscal: '15000.00', other: '5000.00' },
    purpose: '困难职工帮扶',
    spendingPlan: [
      { month: 3, cumulativePercent: 20 },
      { month: 6, cumulativePercent: 60 },
      { month: 12, cumulativePercent: 100 },
    ],
    goals: ['有效缓解困难职工的生活困难'],
    indicators: [
      indicator('产出指标', '数量指标', '帮扶困难职工人数', '≥50人', { description: '全年实际帮扶的人数' }),
      indicator('效益指标', '社会效益指标', '困难职工生活改善情况', '明显改善'),
      indicator('满意度指标', '服务对象满意度指标', '困难职工满意度', '≥90%', { description: '抽样调查满意人数占比' }),
    ],
    ...overrides,
  };
}

export function documentOf(
  projects: Project[],
  overall: TargetsDocument['overall'] = { goals: [], measures: [] },
): TargetsDocument {
  return { format: 'jixiao/targets@1', unit: { code: 'U1', name: '测试单位' }, fiscalYear: 2020, overall, projects };
}

/** Runs one rule by id on a document. */
export function runRule(
  id: string,
  document: TargetsDocument,
  policy: Partial<ReviewPolicy> = {},
  peers: readonly IndicatorPeer[] = [],
): Hit[] {
  const rule = REVIEW_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.check({ document, policy: resolveReviewPolicy(policy), peers });
}
