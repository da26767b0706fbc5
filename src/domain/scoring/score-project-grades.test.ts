import { describe, expect, it } from 'vitest';
import { fromDecimal, rational, toFixed2 } from '../rational.ts';
import { gradeOf, missingDeviationAnalysis, scoreProject, type ProjectActuals } from './index.ts';
import { SEED_LIKE, actuals, all } from './test-fixtures.ts';

describe('grades, rounding, deviation analysis', () => {
  it('grades: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60, on the shown score', () => {
    const g = (text: string) => gradeOf(fromDecimal(text));
    expect([g('90'), g('89.99'), g('80'), g('79.99'), g('60'), g('59.99')]).toEqual([
      '优',
      '良',
      '良',
      '中',
      '中',
      '差',
    ]);
    expect(g('89.995')).toBe('优'); // shown as 90.00
  });

  it('rounds half up on the exact value, where binary floats would not', () => {
    expect(toFixed2(fromDecimal('1.005'))).toBe(1.01); // (1.005).toFixed(2) === '1.00'
    expect(toFixed2(rational(-1n, 8n))).toBe(-0.13);
    expect(toFixed2(rational(2n, 3n))).toBe(0.67);
  });

  it('lists every missed indicator and low execution without an analysis', () => {
    const a = actuals('16000.00', all('95%', '85%', '80%'));
    const missing = missingDeviationAnalysis(scoreProject(SEED_LIKE, a), a);
    expect(missing.map((m) => [m.indicator, m.path.join('.')])).toEqual([
      [null, 'executionReason'],
      ['生活改善情况', 'indicators.1.deviationReason'],
      ['群众满意度', 'indicators.2.deviationReason'],
    ]);
    const explained: ProjectActuals = {
      ...a,
      executionReason: '部分帮扶对象年底未完成审核',
      indicators: a.indicators.map((i) => ({ ...i, deviationReason: '调查样本偏少；明年扩大走访范围' })),
    };
    expect(missingDeviationAnalysis(scoreProject(SEED_LIKE, explained), explained)).toEqual([]);
  });
});

describe('scoreProject returns new values', () => {
  it('writes nothing into the project or the actuals it is given, and scoring twice gives equal results', () => {
    const given = actuals('15000.00', [
      { name: '补助金发放率', actual: '95%' },
      { name: '生活改善情况', actual: '', notApplicable: true },
      { name: '群众满意度', actual: '80%' },
    ]);
    const before = JSON.stringify({ SEED_LIKE, given });
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === 'object') {
        for (const item of Object.values(value)) deepFreeze(item);
        Object.freeze(value);
      }
      return value;
    };
    // Frozen inputs: a write into them would throw in strict mode.
    const first = scoreProject(deepFreeze(structuredClone(SEED_LIKE)), deepFreeze(structuredClone(given)));
    expect(JSON.stringify({ SEED_LIKE, given })).toBe(before);
    expect(scoreProject(SEED_LIKE, given)).toEqual(first);
  });
});
