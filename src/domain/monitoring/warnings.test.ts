import { describe, expect, it } from 'vitest';
import { parseTargetValue } from '../target-value.ts';
import type { Indicator } from '../targets.ts';
import { MONTHS } from './plan.ts';
import { DEFAULT_MONITORING_POLICY } from './policy.ts';
import { type IndicatorProgress, forecastMissesTarget } from './progress.ts';
import { type ProjectFacts, computeWarnings, overdueAfter } from './warnings.ts';

const SEED_PLAN = [
  { month: 3, cumulativePercent: null },
  { month: 6, cumulativePercent: 60 },
  { month: 10, cumulativePercent: 90 },
  { month: 12, cumulativePercent: 100 },
];
const indicator = (name: string, raw: string): Indicator => ({
  level1: '产出指标',
  level2: '数量指标',
  name,
  description: '',
  target: parseTargetValue(raw),
  basis: '计划标准',
  category: 'output',
});
/** Cumulative spending flat from `month` on at `cents`. */
const spentBy = (month: number, cents: bigint) => MONTHS.map((m) => (m >= month ? cents : 0n));
const progress = (over: Partial<IndicatorProgress>): IndicatorProgress => ({
  projectCode: 'P1',
  indicatorName: '补助金发放率',
  month: 6,
  valueToDate: '50%',
  forecast: '95%',
  likelihood: '确定能',
  deviationCategory: null,
  reason: '',
  measures: '',
  ...over,
});
const project = (over: Partial<ProjectFacts>): ProjectFacts => ({
  code: 'P1',
  name: '困难职工帮扶资金',
  budgetCents: 20_000_00n,
  plan: SEED_PLAN,
  cumulativeCents: spentBy(1, 0n),
  indicators: [indicator('补助金发放率', '≥90%')],
  progress: [progress({})],
  ...over,
});
const JUNE = { fiscalYear: 2020, asOfMonth: 6, today: '2020-07-10' };
const rulesOf = (p: ProjectFacts, ctx = JUNE, policy = DEFAULT_MONITORING_POLICY) =>
  computeWarnings([p], policy, ctx).map((w) => `${w.id} ${w.level}`);

describe('behind-plan warnings', () => {
  it('fires 提示 beyond 10 points and 警示 beyond 20, silent at exactly 10', () => {
    // plan at June 60%; 9,000 of 20,000 = 45% → 15 points behind
    expect(rulesOf(project({ cumulativeCents: spentBy(5, 9_000_00n) }))).toEqual(['behind-plan:P1:6 提示']);
    // 7,000 → 35% → 25 points behind
    expect(rulesOf(project({ cumulativeCents: spentBy(5, 7_000_00n) }))).toEqual(['behind-plan:P1:6 警示']);
    // 10,000 → 50% → exactly 10 points: not MORE than the tolerance
    expect(rulesOf(project({ cumulativeCents: spentBy(5, 10_000_00n) }))).toEqual([]);
  });

  it('says why in both languages', () => {
    const [warning] = computeWarnings(
      [project({ cumulativeCents: spentBy(5, 9_000_00n) })],
      DEFAULT_MONITORING_POLICY,
      JUNE,
    );
    expect(warning?.reason).toBe(
      '截至6月底累计执行率 45.00%，低于支出计划 60.00%，落后 15.00 个百分点（容忍度 10 个百分点）',
    );
    expect(warning?.reasonEn).toContain('45.00% against a plan of 60.00%');
  });

  it('judges the checkpoint and the latest month separately', () => {
    // By September the plan is 82.5% (60 + 30 × 3/4); 14,000 = 70% → 12.5 behind; June: 70 ≥ 60, fine
    // (progress entered for the July checkpoint, which is due by then)
    const p = project({ cumulativeCents: spentBy(5, 14_000_00n), progress: [progress({ month: 7 })] });
    expect(rulesOf(p, { ...JUNE, asOfMonth: 9, today: '2020-10-05' })).toEqual(['behind-plan:P1:9 提示']);
  });

  it('is silent without a plan or a budget', () => {
    expect(rulesOf(project({ plan: [], cumulativeCents: spentBy(1, 0n) }))).toEqual([]);
    expect(rulesOf(project({ budgetCents: 0n }))).toEqual([]);
  });
});

describe('large-and-slow', () => {
  const big = (spentByAugust: bigint, budget = 2_500_000_00n) =>
    project({
      budgetCents: budget,
      plan: [],
      cumulativeCents: spentBy(8, spentByAugust),
      progress: [progress({ month: 7 })],
    });
  const SEPTEMBER = { fiscalYear: 2020, asOfMonth: 9, today: '2020-09-20' };
  it('puts ≥ 200万 below 60% at end-August under focused monitoring', () => {
    expect(rulesOf(big(1_400_000_00n), SEPTEMBER)).toEqual(['large-and-slow:P1:8 重点监控']); // 56%
  });
  it('is silent at 60%, below 200万, or before August is over', () => {
    expect(rulesOf(big(1_500_000_00n), SEPTEMBER)).toEqual([]); // exactly 60%
    expect(rulesOf(big(0n, 1_999_999_99n), SEPTEMBER)).toEqual([]);
    expect(rulesOf(big(0n), { ...SEPTEMBER, asOfMonth: 7 })).toEqual([]);
  });
  it('follows the policy', () => {
    const policy = {
      ...DEFAULT_MONITORING_POLICY,
      largeAndSlow: [{ minBudget: '10000', month: 6, maxRate: 50, level: '警示' as const }],
    };
    expect(rulesOf(project({ plan: [], cumulativeCents: spentBy(6, 9_000_00n) }), JUNE, policy)).toEqual([
      'large-and-slow:P1:6 警示',
    ]);
  });
});

describe('forecast-miss', () => {
  it('maps 有可能 to 提示 and 不可能 to 警示', () => {
    const filled = { deviationCategory: '经费保障' as const, measures: '加快拨付' };
    expect(
      rulesOf(
        project({ cumulativeCents: spentBy(6, 12_000_00n), progress: [progress({ likelihood: '有可能', ...filled })] }),
      ),
    ).toEqual(['forecast-miss:P1:补助金发放率:6 提示']);
    expect(
      rulesOf(
        project({ cumulativeCents: spentBy(6, 12_000_00n), progress: [progress({ likelihood: '不可能', ...filled })] }),
      ),
    ).toEqual(['forecast-miss:P1:补助金发放率:6 警示']);
  });
  it('catches a 确定能 whose forecast misses the target, and stays silent when it meets it', () => {
    const on = (forecast: string) =>
      rulesOf(project({ cumulativeCents: spentBy(6, 12_000_00n), progress: [progress({ forecast })] }));
    expect(on('85%')).toEqual(['forecast-miss:P1:补助金发放率:6 警示']);
    expect(on('95%')).toEqual([]);
    expect(on('及时')).toEqual([]);
  });
  it('compares by the target operator', () => {
    expect(forecastMissesTarget(parseTargetValue('≤5%'), '6%')).toBe(true);
    expect(forecastMissesTarget(parseTargetValue('≤5%'), '5%')).toBe(false);
    expect(forecastMissesTarget(parseTargetValue('1-2家'), '3家')).toBe(true);
    expect(forecastMissesTarget(parseTargetValue('≥90%'), '95人')).toBeNull();
  });
});

describe('overdue monitoring data (the configured checkpoints and their due dates)', () => {
  const noProgress = project({ cumulativeCents: spentBy(6, 12_000_00n), progress: [] });
  const june = { ...DEFAULT_MONITORING_POLICY, checkpoints: [{ month: 6, dueDate: '07-15' }] };
  it('fires the day after the checkpoint is due, plus the grace days', () => {
    expect(overdueAfter(2020, { month: 6, dueDate: '07-15' }, june)).toBe('2020-07-15');
    expect(overdueAfter(2020, { month: 12, dueDate: '01-20' }, { overdue: { graceDays: 10, level: '提示' } })).toBe(
      '2021-01-30',
    );
    expect(rulesOf(noProgress, { ...JUNE, today: '2020-07-16' }, june)).toEqual(['overdue:P1:6 提示']);
    const lenient = { ...june, overdue: { graceDays: 5, level: '警示' as const } };
    expect(rulesOf(noProgress, { ...JUNE, today: '2020-07-20' }, lenient)).toEqual([]);
    expect(rulesOf(noProgress, { ...JUNE, today: '2020-07-21' }, lenient)).toEqual(['overdue:P1:6 警示']);
  });
  it('is silent on the due date and once progress is entered', () => {
    expect(rulesOf(noProgress, { ...JUNE, today: '2020-07-15' }, june)).toEqual([]);
    expect(
      rulesOf(project({ cumulativeCents: spentBy(6, 12_000_00n) }), { ...JUNE, today: '2020-08-01' }, june),
    ).toEqual([]);
  });
  it('names only the latest round that is due: the default July checkpoint is due by 08-31', () => {
    const twoRounds = {
      ...DEFAULT_MONITORING_POLICY,
      checkpoints: [
        { month: 6, dueDate: '07-15' },
        { month: 8, dueDate: '09-15' },
      ],
    };
    const idle = project({ cumulativeCents: spentBy(1, 20_000_00n), progress: [] });
    expect(rulesOf(idle, { fiscalYear: 2020, asOfMonth: 9, today: '2020-09-16' }, twoRounds)).toEqual([
      'overdue:P1:8 提示',
    ]);
    expect(rulesOf(idle, { fiscalYear: 2020, asOfMonth: 8, today: '2020-08-31' })).toEqual([]);
    expect(rulesOf(idle, { fiscalYear: 2020, asOfMonth: 8, today: '2020-09-01' })).toEqual(['overdue:P1:7 提示']);
  });
});

describe('behind-plan at every configured checkpoint', () => {
  it('checks each checkpoint month-end passed and the latest month', () => {
    const rounds = {
      ...DEFAULT_MONITORING_POLICY,
      checkpoints: [
        { month: 6, dueDate: '07-15' },
        { month: 8, dueDate: '09-15' },
        { month: 11, dueDate: '12-15' },
      ],
    };
    // nothing spent: behind at June (60), August (67.5) and October (90), November not reached yet
    const idle = project({ cumulativeCents: spentBy(1, 0n) });
    const ids = rulesOf(idle, { fiscalYear: 2020, asOfMonth: 10, today: '2020-11-01' }, rounds).filter((r) =>
      r.startsWith('behind-plan'),
    );
    expect(ids).toEqual(['behind-plan:P1:6 警示', 'behind-plan:P1:8 警示', 'behind-plan:P1:10 警示']);
  });
});
