import { describe, expect, it } from 'vitest';
import { presentProjectScore, scoreProject, type IndicatorActual } from './index.ts';
import { SEED_LIKE, actuals, all, project, shown } from './test-fixtures.ts';

describe('scoreProject — the rules of guide §6', () => {
  it('execution 10 × rate; ≥ met → full, missed → points × actual / target; satisfied / valid respondents', () => {
    // 18000 / 20000 = 90 % → 9; 产出 95 % ≥ 90 % → 50; 效益 85 % → 30 × 85/90 = 28.333…; 满意度 190/200 = 95 % → 10.
    const result = shown(SEED_LIKE, actuals('18000.00', all('95%', '85%', '190/200')));
    expect(result.execution).toEqual({ rate: 90, weight: 10, points: 9, deviationRequired: false, flag: null });
    expect(result.indicators.map((i) => [i.weight, i.points, i.met, i.deviationRequired])).toEqual([
      [50, 50, true, false],
      [30, 28.33, false, true],
      [10, 10, true, false],
    ]);
    // 9 + 50 + 85/3 + 10 = 97.333… → 97.33
    expect(result).toMatchObject({ score: 97.33, grade: '优', incomplete: false });
  });

  it('actual far above a ≥ target: full points by default; the (verify) penalty is a switch', () => {
    const a = actuals('20000.00', all('180%', '90%', '90%'));
    expect(shown(SEED_LIKE, a).score).toBe(100);
    // Deviation (180 − 90) / 90 = 100 %, threshold 50 % → the excess 50 % is lost: 50 × 0.5 = 25; 10 + 25 + 30 + 10 = 75.
    const penalised = shown(SEED_LIKE, a, { overAchievementPenalty: { enabled: true, thresholdPercent: 50 } });
    expect(penalised.indicators[0]).toMatchObject({ points: 25, met: true, deviationRequired: true });
    expect(penalised.score).toBe(75);
  });

  it('≤ indicators: met → full; else points × target / actual', () => {
    const p = project([
      ['产出指标', '办结时限', '≤5天'],
      ['效益指标', '受益人数', '≥100人'],
      ['满意度指标', '满意度', '≥90%'],
    ]);
    const late = shown(
      p,
      actuals('20000.00', [
        { name: '办结时限', actual: '8天' },
        { name: '受益人数', actual: '100人' },
        { name: '满意度', actual: '90%' },
      ]),
    );
    // 50 × 5/8 = 31.25; 10 + 31.25 + 30 + 10 = 81.25 → 良
    expect(late.indicators[0]).toMatchObject({ points: 31.25, met: false });
    expect(late).toMatchObject({ score: 81.25, grade: '良' });
    const early = shown(
      p,
      actuals('20000.00', [
        { name: '办结时限', actual: '4' },
        { name: '受益人数', actual: '100' },
        { name: '满意度', actual: '90' },
      ]),
    );
    expect(early.indicators[0]).toMatchObject({ points: 50, met: true });
  });

  it('qualitative targets without the evaluator’s choice score the band a grade word suggests (10号 bands)', () => {
    const p = project([
      ['产出指标', '发放数量', '≥10人'],
      ['效益指标', '政策知晓', '显著提高'],
      ['满意度指标', '满意度', '≥90%'],
    ]);
    const score = (word: string) =>
      shown(
        p,
        actuals('20000.00', [
          { name: '发放数量', actual: '10人' },
          { name: '政策知晓', actual: word },
          { name: '满意度', actual: '90%' },
        ]),
      ).indicators[1]!;
    expect(score('达到')).toMatchObject({ points: 30, met: true }); // achieved: 100 %
    expect(score('较好')).toMatchObject({ points: 24, met: true }); // bottom of the achieved band: 80 % of 30
    // 10号 (decision 031): the suggestion is the band's top — partly 80 %, not achieved 50 % (was 70 % / 0 %).
    expect(score('基本达到')).toMatchObject({ points: 24, met: false, deviationRequired: true });
    expect(score('一般')).toMatchObject({ points: 24, met: false });
    expect(score('未达到')).toMatchObject({ points: 15, met: false });
    const custom = shown(
      p,
      actuals('20000.00', [
        { name: '发放数量', actual: '10人' },
        { name: '政策知晓', actual: '基本达到' },
        { name: '满意度', actual: '90%' },
      ]),
      { qualitative: { partly: { min: 50, max: 80, points: 60 } } },
    );
    expect(custom.indicators[1]!.points).toBe(18);
  });

  it('not applicable: excluded, the rest rescaled to 100', () => {
    const result = shown(
      SEED_LIKE,
      actuals('20000.00', [
        { name: '补助金发放率', actual: '95%' },
        { name: '生活改善情况', actual: '85%' },
        { name: '群众满意度', actual: null, notApplicable: true },
      ]),
    );
    // Available 10 + 50 + 30 = 90; earned 10 + 50 + 85/3 = 265/3; × 100/90 = 98.148… → 98.15
    expect(result.indicators.map((i) => i.weight)).toEqual([55.56, 33.33, 0]);
    expect(result.execution.weight).toBe(11.11);
    expect(result.indicators[2]).toMatchObject({
      points: null,
      met: null,
      notApplicable: true,
      deviationRequired: false,
    });
    expect(result).toMatchObject({ score: 98.15, grade: '优', incomplete: false });
  });

  it('a missing actual is reported as missing, the score is a flagged lower bound and ungraded', () => {
    const result = shown(
      SEED_LIKE,
      actuals('20000.00', [
        { name: '补助金发放率', actual: '95%' },
        { name: '群众满意度', actual: ' ' },
      ]),
    );
    expect(result.indicators[1]).toMatchObject({ actual: null, points: null, met: null, missing: true });
    expect(result.indicators[2]).toMatchObject({ missing: true });
    expect(result).toMatchObject({ score: 60, grade: null, incomplete: true });
    const noActuals = shown(SEED_LIKE, null);
    expect(noActuals.execution).toMatchObject({ rate: null, points: null, missing: true });
    expect(noActuals).toMatchObject({ score: 0, incomplete: true, grade: null });
  });

  it('zero adjusted budget: execution is not applicable and the indicators carry 100', () => {
    const result = shown(SEED_LIKE, actuals('0.00', all('95%', '85%', '90%'), '0.00'));
    expect(result.execution).toEqual({
      rate: null,
      weight: 0,
      points: null,
      notApplicable: true,
      deviationRequired: false,
      flag: 'zero-budget',
    });
    // earned 50 + 85/3 + 10 = 265/3 of 90 → 98.15
    expect(result.score).toBe(98.15);
  });

  it('execution: capped at 100 %, below 90 % needs a reason', () => {
    expect(shown(SEED_LIKE, actuals('25000.00', all('90%', '90%', '90%'))).execution).toMatchObject({
      rate: 125,
      points: 10,
    });
    // 2.00 of 3.00 = 66.666… % → 6.67 points
    const low = scoreProject(SEED_LIKE, actuals('2.00', all('90%', '90%', '90%'), '3.00'));
    expect(presentProjectScore(low).execution).toMatchObject({ rate: 66.67, points: 6.67, deviationRequired: true });
    expect(presentProjectScore(low).score).toBe(96.67);
  });

  it('weights set per indicator override the even split; the rest of the category is shared', () => {
    const p = project([
      ['产出指标', '发放人数', '≥100人'],
      ['产出指标', '发放及时率', '≥95%'],
      ['产出指标', '资料归档', '=20份'],
      ['效益指标', '改善', '≥90%'],
      ['满意度指标', '满意度', '≥90%'],
    ]);
    const result = shown(
      p,
      actuals('20000.00', [
        { name: '发放人数', actual: '80人', weight: 30 },
        { name: '发放及时率', actual: '95%' },
        { name: '资料归档', actual: '18份' },
        { name: '改善', actual: '90%' },
        { name: '满意度', actual: '90%' },
      ]),
    );
    // 发放人数 30 × 80/100 = 24; the other two share 50 − 30 = 20: 10 and 10 × 18/20 = 9.
    expect(result.indicators.map((i) => [i.weight, i.points])).toEqual([
      [30, 24],
      [10, 10],
      [10, 9],
      [30, 30],
      [10, 10],
    ]);
    expect(result.score).toBe(93); // 10 + 24 + 10 + 9 + 30 + 10
  });

  it('even split of 50 among three is kept exact and rounded only at output', () => {
    const p = project([
      ['产出指标', 'A', '≥3个'],
      ['产出指标', 'B', '≥3个'],
      ['产出指标', 'C', '≥3个'],
      ['效益指标', 'D', '≥90%'],
      ['满意度指标', 'E', '≥90%'],
    ]);
    const result = shown(
      p,
      actuals('20000.00', [
        { name: 'A', actual: '3个' },
        { name: 'B', actual: '3个' },
        { name: 'C', actual: '3个' },
        { name: 'D', actual: '90%' },
        { name: 'E', actual: '90%' },
      ]),
    );
    expect(result.indicators.slice(0, 3).map((i) => i.points)).toEqual([16.67, 16.67, 16.67]);
    expect(result.score).toBe(100); // not 100.01: the parts are summed exactly
  });

  it('bands earn by closeness to the nearer edge; an = target exceeded is met', () => {
    const p = project([
      ['产出指标', '示范单位', '1-2家'],
      ['效益指标', '误差', '±3%以内'],
      ['满意度指标', '场次', '20场'],
    ]);
    const result = shown(
      p,
      actuals('20000.00', [
        { name: '示范单位', actual: '3家' },
        { name: '误差', actual: '-4%' },
        { name: '场次', actual: '25场' },
      ]),
    );
    // 50 × 2/3 = 33.33; 30 × 3/4 = 22.5; 25 of "20场" is more than asked: met, 10 (rule 3 of decision 031; was 8)
    expect(result.indicators.map((i) => i.points)).toEqual([33.33, 22.5, 10]);
  });

  it('成本指标 count under 产出 by default and as their own category when the policy says so', () => {
    const p = project([
      ['产出指标', '数量', '≥10个'],
      ['成本指标', '单价', '≤100元'],
      ['效益指标', '效益', '≥90%'],
      ['满意度指标', '满意度', '≥90%'],
    ]);
    const a = actuals('20000.00', [
      { name: '数量', actual: '10个' },
      { name: '单价', actual: '100元' },
      { name: '效益', actual: '90%' },
      { name: '满意度', actual: '90%' },
    ]);
    expect(shown(p, a).indicators.map((i) => i.weight)).toEqual([25, 25, 30, 10]);
    const own = shown(p, a, {
      costAsOwnCategory: true,
      categoryPoints: { output: 40, cost: 10, benefit: 30, satisfaction: 10 },
    });
    expect(own.indicators.map((i) => i.weight)).toEqual([40, 10, 30, 10]);
  });

  it('the 一体化 form (产出 60 / 效益 30, no 满意度 points) and execution weight are policy', () => {
    const policy = { categoryPoints: { output: 60, benefit: 30, satisfaction: 0, cost: 0 } };
    const result = shown(SEED_LIKE, actuals('18000.00', all('90%', '60%', '50%')), policy);
    // 9 + 60 + 30 × 60/90 = 20 + 0 = 89 → 良; the unweighted 满意度 earns nothing and needs no points
    expect(result.indicators.map((i) => [i.weight, i.points])).toEqual([
      [60, 60],
      [30, 20],
      [0, 0],
    ]);
    expect(result).toMatchObject({ score: 89, grade: '良' });
    // Execution worth 20: 20 × 0.9 = 18 of 110 nominal → rescaled: (18 + 50 + 20 + 10 × 50/90) × 100/110
    const heavy = shown(SEED_LIKE, actuals('18000.00', all('90%', '60%', '50%')), { executionPoints: 20 });
    expect(heavy.execution.weight).toBe(18.18);
    expect(heavy.score).toBe(85.05); // (88 + 50/9) × 100/110 = 842/9.9 = 85.0505…
  });

  it('a strict > target is missed when only equalled', () => {
    const p = project([
      ['产出指标', '覆盖率', '>90%'],
      ['效益指标', '效益', '≥90%'],
      ['满意度指标', '满意度', '≥90%'],
    ]);
    const result = shown(
      p,
      actuals('20000.00', [
        { name: '覆盖率', actual: '90%' },
        { name: '效益', actual: '90%' },
        { name: '满意度', actual: '90%' },
      ]),
    );
    expect(result.indicators[0]).toMatchObject({ met: false, points: 50, deviationRequired: true });
  });

  it('refuses actuals it cannot read, saying which indicator and why', () => {
    const bad = (indicators: IndicatorActual[]) => () => scoreProject(SEED_LIKE, actuals('1.00', indicators));
    expect(bad([{ name: '不存在的指标', actual: '1' }])).toThrow(/没有名为“不存在的指标”/);
    expect(bad([{ name: '群众满意度', actual: '95人' }])).toThrow(/单位“人”与年度指标值“≥90%”的单位“%”不一致/);
    expect(bad([{ name: '群众满意度', actual: '达到' }])).toThrow(/指标“群众满意度”：实际完成值“达到”应为一个数值/);
    const thrown = (() => {
      try {
        bad([
          { name: '补助金发放率', actual: '95%' },
          { name: '群众满意度', actual: '很好' },
        ])();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ code: 'VALIDATION', location: { path: ['indicators', 1, 'actual'] } });
  });
});
