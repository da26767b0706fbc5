import { describe, expect, it } from 'vitest';
import type { OverallTargets } from '../../domain/targets.ts';
import { bodyOf, emptyRow, rowsFromNarrative } from './overall-indicators.ts';

const overall: OverallTargets = {
  goals: [{ seq: 1, title: '开展劳动竞赛', detail: '参赛单位达到60家，参赛职工不少于2000人，职工满意度达到90%' }],
  measures: [],
};

describe('overall indicators editor', () => {
  it('turns the narrative numbers into editable rows', () => {
    const rows = rowsFromNarrative(overall);
    expect(rows.map((r) => [r.level2, r.name])).toEqual([
      ['数量指标', '参赛单位'],
      ['数量指标', '参赛职工'],
      ['质量指标', '职工满意度'],
    ]);
    expect(rows[0]).toMatchObject({ level1: '产出指标', basis: '计划标准' });
    expect(rows[0]!.target).toContain('60家');
  });

  it('drops empty rows and sends an empty budget as not stated', () => {
    const body = bodyOf([emptyRow(), { ...emptyRow(), name: '参赛单位', target: '≥60家' }], { fiscal: ' ', other: '' });
    expect(body.indicators.map((i) => i.name)).toEqual(['参赛单位']);
    expect(body.budget).toBeNull();
    expect(bodyOf([], { fiscal: '100', other: '' }).budget).toEqual({ total: null, fiscal: '100', other: null });
  });
});
