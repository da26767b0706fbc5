import { describe, expect, it } from 'vitest';
import { categoryOfLevel1 } from '../indicator-category.ts';
import { parseTargetValue } from '../target-value.ts';
import type { Project } from '../targets.ts';
import {
  fractionOfPercentQuestion,
  missingDeviationAnalysis,
  presentProjectScore,
  scoreProject,
  scoreProjects,
  type IndicatorActual,
  type ProjectActuals,
} from './index.ts';
import { completeScoringPolicy, type ScoringPolicyInput } from './policy.ts';

/**
 * 财预〔2020〕10号 (guide §6, decision 031), one named case per rule with its expected score. Weights by
 * default: execution 10, 产出 50, 效益 30, 满意度 10.
 */
function project(rows: [string, string, string][], code = 'P1'): Project {
  return {
    code,
    name: '测试项目',
    budget: { total: '20000.00', fiscal: '20000.00', other: null },
    purpose: '',
    spendingPlan: [],
    goals: [],
    indicators: rows.map(([level1, name, raw]) => ({
      level1,
      level2: '',
      name,
      description: '',
      basis: '',
      target: parseTargetValue(raw),
      category: categoryOfLevel1(level1),
    })),
  };
}

const QUALITATIVE = project([
  ['产出指标', '发放人数', '≥10人'],
  ['效益指标', '政策知晓', '显著提高'],
  ['满意度指标', '满意度', '≥90%'],
]);
const NO_NUMBER = project([
  ['产出指标', '补助个人数量', '个'],
  ['效益指标', '改善', '≥90%'],
  ['满意度指标', '满意度', '≥90%'],
]);
const NUMERIC = project([
  ['产出指标', '发放率', '≥90%'],
  ['效益指标', '办结时限', '≤10天'],
  ['满意度指标', '场次', '20场'],
]);

const full = (indicators: IndicatorActual[], spent = '20000.00', adjustedBudget = '20000.00'): ProjectActuals => ({
  adjustedBudget,
  spent,
  indicators,
});
/** The second indicator varied, the others met. */
function qualitative(entry: Omit<IndicatorActual, 'name'>): ProjectActuals {
  return full([
    { name: '发放人数', actual: '10人' },
    { name: '政策知晓', ...entry },
    { name: '满意度', actual: '90%' },
  ]);
}
const shown = (p: Project, a: ProjectActuals | null, policy?: ScoringPolicyInput) =>
  presentProjectScore(scoreProject(p, a, policy));
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('10号 scoring cases: qualitative (定性) indicators', () => {
  it('qualitative 部分达成 chosen 70 → 70% of weight: 30 × 70 % = 21, total 91', () => {
    const result = shown(QUALITATIVE, qualitative({ actual: '基本达到', band: 'partly', bandPercent: 70 }));
    expect(result.indicators[1]).toMatchObject({
      points: 21,
      met: false,
      deviationRequired: true,
      decision: null,
      band: 'partly',
      bandRange: { min: 50, max: 80 },
    });
    expect(result).toMatchObject({ score: 91, grade: '优', incomplete: false });
  });

  it('qualitative 达成 chosen 85 → 25.5; the band edges 80 (达成) and 50 (部分达成) and 0 (未达成) are accepted', () => {
    const points = (band: 'achieved' | 'partly' | 'notAchieved', bandPercent: number) =>
      shown(QUALITATIVE, qualitative({ actual: '达到', band, bandPercent })).indicators[1]!.points;
    expect(points('achieved', 85)).toBe(25.5);
    expect(points('achieved', 80)).toBe(24);
    expect(points('partly', 50)).toBe(15);
    expect(points('notAchieved', 0)).toBe(0);
  });

  it('bandPercent outside its band → VALIDATION at indicators.i.bandPercent naming the range', () => {
    const error = thrown(() =>
      scoreProject(QUALITATIVE, qualitative({ actual: '基本达到', band: 'partly', bandPercent: 85 })),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', location: { path: ['indicators', 1, 'bandPercent'] } });
    expect(String((error as Error).message)).toMatch(/50%–80%/);
    expect(() => scoreProject(QUALITATIVE, qualitative({ actual: '达到', band: 'achieved', bandPercent: 79 }))).toThrow(
      /80%–100%/,
    );
  });

  it('a grade word without a choice scores the suggested band top: 达到 → 30, 基本达到 → 24, 未达到 → 15, 较好 → 24', () => {
    const part = (actual: string) => shown(QUALITATIVE, qualitative({ actual })).indicators[1]!;
    expect(part('达到')).toMatchObject({
      points: 30,
      met: true,
      decision: null,
      suggestedBand: 'achieved',
      suggestedPercent: 100,
      bandRange: { min: 80, max: 100 },
    });
    expect(part('基本达到')).toMatchObject({ points: 24, suggestedBand: 'partly', suggestedPercent: 80 });
    expect(part('未达到')).toMatchObject({ points: 15, suggestedBand: 'notAchieved', suggestedPercent: 50 });
    // 较好 sits at the bottom of 达成 on the four-step scale: suggested 80 %.
    expect(part('较好')).toMatchObject({ points: 24, suggestedBand: 'achieved', suggestedPercent: 80 });
  });

  it('free text naming no band → choose-band, points null, project incomplete and ungraded (lower bound 70)', () => {
    const result = shown(QUALITATIVE, qualitative({ actual: '知晓率明显提升' }));
    expect(result.indicators[1]).toMatchObject({
      points: null,
      met: null,
      decision: 'choose-band',
      suggestedBand: null,
      suggestedPercent: null,
      bandRange: null,
      deviationRequired: false,
    });
    expect(result).toMatchObject({ score: 70, grade: null, incomplete: true });
    const chosen = shown(QUALITATIVE, qualitative({ actual: '知晓率明显提升', band: 'achieved', bandPercent: 90 }));
    expect(chosen.indicators[1]).toMatchObject({ points: 27, decision: null, met: true });
    expect(chosen).toMatchObject({ score: 97, grade: '优' });
  });

  it('a band without a percent scores the band top; a percent without a band is refused at indicators.i.band', () => {
    expect(shown(QUALITATIVE, qualitative({ actual: '见报告', band: 'partly' })).indicators[1]!.points).toBe(24);
    expect(thrown(() => scoreProject(QUALITATIVE, qualitative({ actual: '见报告', bandPercent: 70 })))).toMatchObject({
      code: 'VALIDATION',
      location: { path: ['indicators', 1, 'band'] },
    });
  });
});

describe('10号 scoring cases: numbers, deviations, targets without a number', () => {
  const numeric = (rate: string, days: string, sessions: string) =>
    full([
      { name: '发放率', actual: rate },
      { name: '办结时限', actual: days },
      { name: '场次', actual: sessions },
    ]);

  it('over-achievement adds nothing; beyond 20 % of the target it needs a 偏差原因 (108 % of ≥90 %: no; 109 %: yes)', () => {
    const at = (rate: string) => shown(NUMERIC, numeric(rate, '10天', '20场')).indicators[0]!;
    expect(at('108%')).toMatchObject({ points: 50, met: true, deviationRequired: false });
    expect(at('109%')).toMatchObject({ points: 50, met: true, deviationRequired: true });
    expect(shown(NUMERIC, numeric('200%', '10天', '20场')).score).toBe(100);
    const strict = shown(NUMERIC, numeric('100%', '10天', '20场'), { overAchievementReasonPercent: 10 });
    expect(strict.indicators[0]).toMatchObject({ points: 50, deviationRequired: true });
    const a = numeric('109%', '10天', '20场');
    expect(missingDeviationAnalysis(scoreProject(NUMERIC, a), a)[0]!.message).toMatch(/大幅超出年度指标值/);
  });

  it('≤ target beaten by more than 20 % (7天 of ≤10天) is full and needs a reason; 8天 does not', () => {
    const at = (days: string) => shown(NUMERIC, numeric('90%', days, '20场')).indicators[1]!;
    expect(at('8天')).toMatchObject({ points: 30, deviationRequired: false });
    expect(at('7天')).toMatchObject({ points: 30, deviationRequired: true });
  });

  it('= targets: 20 of 20场 → 10; 22 → 10; 25 → 10 with a reason; 18 → 9; equalsExceedIsMet off: 25 → 8', () => {
    const at = (sessions: string, policy?: ScoringPolicyInput) =>
      shown(NUMERIC, numeric('90%', '10天', sessions), policy).indicators[2]!;
    expect(at('20场')).toMatchObject({ points: 10, met: true, deviationRequired: false });
    expect(at('22场')).toMatchObject({ points: 10, met: true, deviationRequired: false });
    expect(at('25场')).toMatchObject({ points: 10, met: true, deviationRequired: true });
    expect(at('18场')).toMatchObject({ points: 9, met: false, deviationRequired: true });
    expect(at('25场', { equalsExceedIsMet: false })).toMatchObject({ points: 8, met: false });
  });

  it('the target-set-too-low deduction stays opt-in: off → 50; on (threshold 50 %) → 180 % of ≥90 % earns 25', () => {
    expect(shown(NUMERIC, numeric('180%', '10天', '20场')).indicators[0]!.points).toBe(50);
    const on = shown(NUMERIC, numeric('180%', '10天', '20场'), { overAchievementPenalty: { enabled: true } });
    expect(on.indicators[0]).toMatchObject({ points: 25, deviationRequired: true });
  });

  it('no-number target (… 个) with 达到 is not met by itself: no-number, points null, incomplete (lower bound 50)', () => {
    const base = (entry: Omit<IndicatorActual, 'name'>) =>
      full([
        { name: '补助个人数量', ...entry },
        { name: '改善', actual: '90%' },
        { name: '满意度', actual: '90%' },
      ]);
    const result = shown(NO_NUMBER, base({ actual: '达到' }));
    expect(result.indicators[0]).toMatchObject({
      points: null,
      met: null,
      decision: 'no-number',
      suggestedBand: 'achieved',
      suggestedPercent: 100,
      bandRange: { min: 80, max: 100 },
    });
    expect(result).toMatchObject({ score: 50, grade: null, incomplete: true });
    expect(shown(NO_NUMBER, base({ actual: '1200个' })).indicators[0]).toMatchObject({
      decision: 'no-number',
      suggestedBand: null,
    });
    // The evaluator decides: 达成 at 90 % → 45, total 95.
    const decided = shown(NO_NUMBER, base({ actual: '1200个', band: 'achieved', bandPercent: 90 }));
    expect(decided.indicators[0]).toMatchObject({ points: 45, decision: null, met: true });
    expect(decided).toMatchObject({ score: 95, grade: '优', incomplete: false });
  });

  it('0.95 against ≥90% asks 是否指 95%？ (points null); confirmed as typed it scores 0.95 %: 50 × 0.95/90 = 0.53', () => {
    const result = shown(NUMERIC, numeric('0.95', '10天', '20场'));
    expect(result.indicators[0]).toMatchObject({ points: null, decision: 'fraction-of-percent' });
    expect(result).toMatchObject({ grade: null, incomplete: true });
    expect(fractionOfPercentQuestion('0.95')).toBe('是否指 95%？');
    expect(fractionOfPercentQuestion('0.955')).toBe('是否指 95.5%？');
    expect(fractionOfPercentQuestion('.5')).toBe('是否指 50%？');
    expect(fractionOfPercentQuestion('1.0')).toBe('是否指 100%？');
    const a = numeric('0.95', '10天', '20场');
    a.indicators[0]!.percentConfirmed = true;
    expect(shown(NUMERIC, a).indicators[0]).toMatchObject({ points: 0.53, decision: null, met: false });
    // Not asked: a whole number, a unit typed, or a % target of at most 1.
    for (const actual of ['1', '0.95%', '95']) {
      expect(shown(NUMERIC, numeric(actual, '10天', '20场')).indicators[0]!.decision).toBeNull();
    }
    const small = project([['产出指标', '差错率', '≥0.5%']]);
    expect(shown(small, full([{ name: '差错率', actual: '0.6' }])).indicators[0]!.decision).toBeNull();
  });
});

describe('10号 scoring cases: execution, not scorable, weights', () => {
  const met = (): IndicatorActual[] => [
    { name: '发放率', actual: '90%' },
    { name: '办结时限', actual: '10天' },
    { name: '场次', actual: '20场' },
  ];

  it('zero adjusted budget → execution excluded and flagged zero-budget; indicators carry 100', () => {
    const result = shown(NUMERIC, full(met(), '0.00', '0.00'));
    expect(result.execution).toMatchObject({ flag: 'zero-budget', notApplicable: true, weight: 0, points: null });
    expect(result).toMatchObject({ score: 100, grade: '优', scorable: true });
  });

  it('over-spent (25000 of 20000 = 125 %) → 10 points capped, flagged over-spent, a reason required', () => {
    const a = full(met(), '25000.00');
    const result = shown(NUMERIC, a);
    expect(result.execution).toMatchObject({ rate: 125, points: 10, flag: 'over-spent', deviationRequired: true });
    expect(result.score).toBe(100);
    expect(missingDeviationAnalysis(scoreProject(NUMERIC, a), a)).toEqual([
      expect.objectContaining({ path: ['executionReason'], message: expect.stringMatching(/执行率高于 100%/) }),
    ]);
  });

  it('all indicators not applicable → not scorable: grade null, not 0 差, and left out of the unit mean', () => {
    const none = full(met().map((i) => ({ ...i, notApplicable: true })));
    const result = shown(NUMERIC, none);
    expect(result).toMatchObject({ scorable: false, grade: null, incomplete: false });
    const unit = scoreProjects(
      [
        NUMERIC,
        project(
          NUMERIC.indicators.map((i) => ['产出指标', i.name, i.target.raw]),
          'P2',
        ),
      ],
      (p) => (p.code === 'P1' ? none : full(met())),
    );
    expect(unit.meanScore).toBe(100);
  });

  it('成本 as its own 一级 with default points: execution 10 + 产出 40 + 成本 10 + 效益 30 + 满意度 10 = 100', () => {
    expect(completeScoringPolicy({ costAsOwnCategory: true }).categoryPoints).toMatchObject({ output: 40, cost: 10 });
    const p = project([
      ['产出指标', '数量', '≥10个'],
      ['成本指标', '单价', '≤100元'],
      ['效益指标', '效益', '≥90%'],
      ['满意度指标', '满意度', '≥90%'],
    ]);
    const a = full([
      { name: '数量', actual: '10个' },
      { name: '单价', actual: '100元' },
      { name: '效益', actual: '90%' },
      { name: '满意度', actual: '90%' },
    ]);
    expect(shown(p, a, { costAsOwnCategory: true }).indicators.map((i) => i.weight)).toEqual([40, 10, 30, 10]);
  });

  it('per-project categoryPoints 产出 60 / 效益 20 / 满意度 10 → weights 60, 20, 10; a total ≠ 100 is refused', () => {
    const a: ProjectActuals = { ...full(met()), categoryPoints: { output: 60, benefit: 20 } };
    expect(shown(NUMERIC, a).indicators.map((i) => i.weight)).toEqual([60, 20, 10]);
    const over = thrown(() => scoreProject(NUMERIC, { ...a, categoryPoints: { output: 60 } }));
    expect(over).toMatchObject({ code: 'VALIDATION', location: { path: ['categoryPoints'] } });
    expect((over as Error).message).toMatch(/= 110/);
    expect(thrown(() => scoreProject(NUMERIC, { ...a, categoryPoints: { output: -10, benefit: 80 } }))).toMatchObject({
      location: { path: ['categoryPoints', 'output'] },
    });
  });

  it('per-indicator weights above their category’s points are refused at the weight when others share the rest', () => {
    const p = project([
      ['产出指标', 'A', '≥1个'],
      ['产出指标', 'B', '≥1个'],
      ['产出指标', 'D', '≥1个'],
      ['效益指标', 'C', '≥90%'],
    ]);
    const a = full([
      { name: 'A', actual: '1个', weight: 30 },
      { name: 'B', actual: '1个', weight: 25 },
      { name: 'D', actual: '1个' },
      { name: 'C', actual: '90%' },
    ]);
    expect(thrown(() => scoreProject(p, a))).toMatchObject({
      code: 'VALIDATION',
      location: { path: ['indicators', 1, 'weight'] },
    });
    // A form giving every indicator its 分值 (20 for a 满意度 row) is taken as printed, then rescaled to 100.
    const printed = full(met().map((i) => ({ ...i, weight: 20 })));
    // 20 + 20 + 20 + execution 10 = 70 → each 20 × 100/70.
    expect(shown(NUMERIC, printed).indicators.map((i) => i.weight)).toEqual([28.57, 28.57, 28.57]);
  });
});
