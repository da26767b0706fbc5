import { describe, expect, it } from 'vitest';
import { describeTargetKind, looksUnparsedNumber, parseTargetValue } from './target-value.ts';
import type { TargetOperator } from './targets.ts';

type Expected = [op: TargetOperator | null, value: number | null, unit: string | null];

describe('parseTargetValue', () => {
  it.each<[string, ...Expected]>([
    // operators, ASCII and full-width
    ['≥90%', '>=', 90, '%'],
    ['≤5%', '<=', 5, '%'],
    ['=100%', '=', 100, '%'],
    ['＝100%', '=', 100, '%'],
    ['>80%', '>', 80, '%'],
    ['<3天', '<', 3, '天'],
    ['＞80%', '>', 80, '%'],
    ['＜3天', '<', 3, '天'],
    ['>=95%', '>=', 95, '%'],
    ['<=2个', '<=', 2, '个'],
    ['＞＝85％', '>=', 85, '%'],
    ['≧60分', '>=', 60, '分'],
    ['≥９０％', '>=', 90, '%'],
    ['≥ 90 %', '>=', 90, '%'],
    // words before the number
    ['不少于1200人次', '>=', 1200, '人次'],
    ['不低于50%', '>=', 50, '%'],
    ['达到60家', '>=', 60, '家'],
    ['不高于3%', '<=', 3, '%'],
    ['不超过10万元', '<=', 10, '万元'],
    ['大于5次', '>', 5, '次'],
    ['低于2%', '<', 2, '%'],
    // words after the unit
    ['95%以上', '>=', 95, '%'],
    ['20人及以上', '>=', 20, '人'],
    ['3天以内', '<=', 3, '天'],
    ['5次以下', '<=', 5, '次'],
    ['3个工作日内', '<=', 3, '个工作日'],
    // both, saying the same thing twice
    ['≥95%以上', '>=', 95, '%'],
    ['达到95%以上', '>=', 95, '%'],
    ['不超过5%以内', '<=', 5, '%'],
    // a plain number is "="
    ['100%', '=', 100, '%'],
    ['20人', '=', 20, '人'],
    ['12所', '=', 12, '所'],
    ['36个月', '=', 36, '个月'],
    ['95百分比', '=', 95, '百分比'],
    ['2年', '=', 2, '年'],
    ['8小时', '=', 8, '小时'],
    ['1000', '=', 1000, null],
    ['0.5‰', '=', 0.5, '‰'],
    ['1,200人次', '=', 1200, '人次'],
    ['≥1,000人次', '>=', 1000, '人次'],
    ['≥-5%', '>=', -5, '%'],
    ['≥90%。', '>=', 90, '%'],
    ['≥98.5%', '>=', 98.5, '%'],
  ])('reads %j as op %j, value %j, unit %j', (raw, op, value, unit) => {
    expect(parseTargetValue(raw)).toEqual({ raw, op, value, unit });
  });

  it.each<[string, number, number, string | null]>([
    ['±3%以内', -3, 3, '%'],
    ['±5%', -5, 5, '%'],
    ['±0.5个百分点以内', -0.5, 0.5, '个百分点'],
    ['1-2家', 1, 2, '家'],
    ['1～2家', 1, 2, '家'],
    ['1~2家', 1, 2, '家'],
    ['200至300个', 200, 300, '个'],
    ['90%-100%', 90, 100, '%'],
    ['1万元-2万元', 1, 2, '万元'],
    ['3-5', 3, 5, null],
  ])('reads %j as a range %j..%j %j', (raw, min, max, unit) => {
    expect(parseTargetValue(raw)).toEqual({ raw, op: 'range', value: null, unit, min, max });
  });

  it.each(['及时', '效果明显', '好', '较好', '一般', '差', '在项目计划完成时间内完成', '逐步提高', '有所提高'])(
    'keeps the qualitative %j with op, value and unit null',
    (raw) => {
      expect(parseTargetValue(raw)).toEqual({ raw, op: null, value: null, unit: null });
    },
  );

  it.each(['个', '%', '人次', '万元'])("keeps the unit of %j, which lacks its number (the seed's defect)", (raw) => {
    expect(parseTargetValue(raw)).toEqual({ raw, op: null, value: null, unit: raw });
  });

  it.each([
    '12月底前完成', // "月底前完成" is a sentence, not a unit
    '2021年10月底前',
    '第一季度完成80%',
    '≤90%以上', // contradicts itself
    '1个-2家', // two different units
    '5-3家', // reversed
    '≥',
    '≥90%，≤100%',
  ])('does not guess at %j: op, value and unit null', (raw) => {
    expect(parseTargetValue(raw)).toEqual({ raw, op: null, value: null, unit: null });
  });

  it('keeps the raw text exactly as given', () => {
    expect(parseTargetValue(' ≥ 90 % ').raw).toBe(' ≥ 90 % ');
    expect(parseTargetValue('＞＝85％').raw).toBe('＞＝85％');
  });

  it('reads an empty value as nothing', () => {
    expect(parseTargetValue('')).toEqual({ raw: '', op: null, value: null, unit: null });
    expect(parseTargetValue('  ')).toEqual({ raw: '  ', op: null, value: null, unit: null });
  });
});

describe('describeTargetKind', () => {
  it.each([
    ['≥90%', 'quantitative'],
    ['100%', 'quantitative'],
    ['1000', 'quantitative'],
    ['1-2家', 'range'],
    ['±3%以内', 'range'],
    ['及时', 'qualitative'],
    ['2021年10月底前', 'qualitative'],
    ['个', 'missing-number'],
    ['', 'empty'],
    [' ', 'empty'],
  ])('%j is %s', (raw, kind) => {
    expect(describeTargetKind(parseTargetValue(raw))).toBe(kind);
  });
});

describe('looksUnparsedNumber', () => {
  it('flags unread values that carry digits or operators, not genuine qualitative ones', () => {
    expect(looksUnparsedNumber(parseTargetValue('2021年10月底前'))).toBe(true);
    expect(looksUnparsedNumber(parseTargetValue('≥'))).toBe(true);
    expect(looksUnparsedNumber(parseTargetValue('及时'))).toBe(false);
    expect(looksUnparsedNumber(parseTargetValue('≥90%'))).toBe(false);
    expect(looksUnparsedNumber(parseTargetValue('个'))).toBe(false);
  });
});
