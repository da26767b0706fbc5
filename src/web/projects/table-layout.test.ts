import { describe, expect, it } from 'vitest';
import { groupHeads, groupRun, indicatorRowSpans, isMissingTargetValue, mergeRowSpans } from './table-layout.ts';

describe('mergeRowSpans', () => {
  it('spans runs of equal consecutive keys and hides the rest', () => {
    expect(mergeRowSpans(['a', 'a', 'b', 'c', 'c', 'c'])).toEqual([2, 0, 1, 3, 0, 0]);
  });
  it('does not merge equal keys that are not consecutive', () => {
    expect(mergeRowSpans(['a', 'b', 'a'])).toEqual([1, 1, 1]);
  });
  it('handles empty and single lists', () => {
    expect(mergeRowSpans([])).toEqual([]);
    expect(mergeRowSpans(['x'])).toEqual([1]);
  });
});

describe('indicatorRowSpans', () => {
  it('merges 二级 only inside the same 一级', () => {
    const rows = [
      { level1: '产出指标', level2: '数量指标' },
      { level1: '产出指标', level2: '数量指标' },
      { level1: '产出指标', level2: '质量指标' },
      { level1: '效益指标', level2: '质量指标' },
    ];
    expect(indicatorRowSpans(rows)).toEqual([
      { level1: 3, level2: 2 },
      { level1: 0, level2: 0 },
      { level1: 0, level2: 1 },
      { level1: 1, level2: 1 },
    ]);
  });
  it('gives the seed project (three different 一级) one row each', () => {
    const rows = [
      { level1: '产出指标', level2: '数量指标' },
      { level1: '效果指标', level2: '社会效益指标' },
      { level1: '满意度指标', level2: '服务对象满意度指标' },
    ];
    expect(indicatorRowSpans(rows).every((s) => s.level1 === 1 && s.level2 === 1)).toBe(true);
  });
});

describe('groupHeads', () => {
  it('heads each run the table merges, and only its first row', () => {
    const rows = [
      { level1: '产出指标', level2: '数量指标' },
      { level1: '产出指标', level2: '数量指标' },
      { level1: '产出指标', level2: '质量指标' },
      { level1: '效益指标', level2: '质量指标' },
      { level1: '效益指标', level2: '' },
    ];
    expect(groupHeads(rows)).toEqual([
      '产出指标 / 数量指标',
      null,
      '产出指标 / 质量指标',
      '效益指标 / 质量指标',
      '效益指标',
    ]);
  });
  it('starts no group for a row without 一级 (a new, empty row) and reads missing form rows as empty', () => {
    expect(groupHeads([{ level1: ' ', level2: '数量指标' }, undefined, {}])).toEqual([null, null, null]);
  });
});

describe('groupRun', () => {
  const rows = [
    { level1: '产出指标', level2: '数量指标' },
    { level1: '产出指标', level2: '数量指标' },
    { level1: '产出指标', level2: '质量指标' },
    { level1: '效益指标', level2: '质量指标' },
  ];
  it('gives the rows one merged cell spans: 一级 over its run, 二级 only inside its 一级', () => {
    expect(groupRun(rows, 'level1', 1)).toEqual([0, 1, 2]);
    expect(groupRun(rows, 'level2', 1)).toEqual([0, 1]);
    expect(groupRun(rows, 'level2', 2)).toEqual([2]);
    expect(groupRun(rows, 'level2', 3)).toEqual([3]);
    expect(groupRun(rows, 'level1', 9)).toEqual([]);
  });
});

describe('isMissingTargetValue', () => {
  it('flags a unit without its number (the seed\'s 补助个人数量 "个") and an empty value', () => {
    expect(isMissingTargetValue({ raw: '个', op: null, value: null, unit: '个' })).toBe(true);
    expect(isMissingTargetValue({ raw: '  ', op: null, value: null, unit: null })).toBe(true);
  });
  it('accepts numbers, bands and qualitative values', () => {
    expect(isMissingTargetValue({ raw: '≥90%', op: '>=', value: 90, unit: '%' })).toBe(false);
    expect(isMissingTargetValue({ raw: '1-2家', op: 'range', value: null, unit: '家', min: 1, max: 2 })).toBe(false);
    expect(isMissingTargetValue({ raw: '及时', op: null, value: null, unit: null })).toBe(false);
  });
});
