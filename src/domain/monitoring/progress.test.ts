import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { type IndicatorProgress, categoriesOf, checkIndicatorProgress, normaliseLikelihood } from './progress.ts';

const progress = (over: Partial<IndicatorProgress>): IndicatorProgress => ({
  projectCode: 'P1',
  indicatorName: '补助金发放率',
  month: 7,
  valueToDate: '60%',
  forecast: '95%',
  likelihood: '确定能',
  deviationCategory: null,
  deviationCategories: [],
  reason: '',
  measures: '',
  ...over,
});

function issuesOf(p: IndicatorProgress): string[] {
  try {
    checkIndicatorProgress(p);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    return (error as AppError).issues.map((i) => i.field ?? '');
  }
  return [];
}

describe('136号 indicator progress', () => {
  it('requires categories, 原因说明 and 改进措施 for 有可能 and for 不可能, naming each field', () => {
    expect(issuesOf(progress({ likelihood: '有可能' }))).toEqual(['deviationCategories', 'reason', 'measures']);
    expect(issuesOf(progress({ likelihood: '不可能', deviationCategories: ['人员保障'] }))).toEqual([
      'reason',
      'measures',
    ]);
    expect(issuesOf(progress({ likelihood: '不可能', deviationCategories: ['人员保障'], reason: '缺编' }))).toEqual([
      'measures',
    ]);
  });

  it('names the first missing field in the error location', () => {
    expect(() => checkIndicatorProgress(progress({ likelihood: '有可能', deviationCategories: ['其他'] }))).toThrow(
      /原因说明/,
    );
  });

  it('accepts several categories, and nothing more for 确定能', () => {
    const many = progress({
      likelihood: '有可能',
      deviationCategories: ['经费保障', '硬件条件保障'],
      reason: '资金下达晚，设备未到货',
      measures: '加快采购',
    });
    expect(issuesOf(many)).toEqual([]);
    expect(categoriesOf(many)).toEqual(['经费保障', '硬件条件保障']);
    expect(issuesOf(progress({}))).toEqual([]);
  });

  it('reads an old single-category row as its one category', () => {
    expect(categoriesOf(progress({ deviationCategory: '制度保障', deviationCategories: undefined }))).toEqual([
      '制度保障',
    ]);
  });

  it('reads 完全不可能 as the official 不可能', () => {
    expect(normaliseLikelihood('完全不可能')).toBe('不可能');
    expect(normaliseLikelihood(' 有 可能 ')).toBe('有可能');
    expect(normaliseLikelihood(3)).toBe(3);
  });
});
