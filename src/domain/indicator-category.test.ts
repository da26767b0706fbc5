import { describe, expect, it } from 'vitest';
import { STANDARD_LEVEL1, STANDARD_LEVEL2, categoryOfLevel1 } from './indicator-category.ts';

describe('categoryOfLevel1', () => {
  it.each([
    ['产出指标', 'output'],
    ['预期产出指标', 'output'],
    ['效益指标', 'benefit'],
    ['效果指标', 'benefit'],
    ['满意度指标', 'satisfaction'],
    ['成本指标', 'cost'],
    // tolerated spellings
    [' 产出指标 ', 'output'],
    ['产 出 指 标', 'output'],
    ['\u3000效益指标', 'benefit'],
    ['产出指标（数量）', 'output'],
    ['产出指标(数量)', 'output'],
    ['效益指标【社会效益】', 'benefit'],
    ['一、产出指标', 'output'],
    ['2.效益指标', 'benefit'],
    ['产出', 'output'],
    ['满意度', 'satisfaction'],
    ['社会公众或服务对象满意度指标', 'satisfaction'],
  ])('%j → %s', (level1, category) => {
    expect(categoryOfLevel1(level1)).toBe(category);
  });

  it.each(['', '  ', '投入指标', '数量指标', '社会效益指标', '其他'])('%j is not a known 一级 → null', (level1) => {
    expect(categoryOfLevel1(level1)).toBeNull();
  });
});

describe('the standard framework as data', () => {
  it('lists the four 一级 of guide §3, each with its category, and the synonyms the guide names', () => {
    expect(STANDARD_LEVEL1.map((l) => [l.name, l.category])).toEqual([
      ['产出指标', 'output'],
      ['效益指标', 'benefit'],
      ['满意度指标', 'satisfaction'],
      ['成本指标', 'cost'],
    ]);
    expect(STANDARD_LEVEL1.find((l) => l.name === '效益指标')?.synonyms).toContain('效果指标');
    expect(STANDARD_LEVEL1.find((l) => l.name === '产出指标')?.synonyms).toContain('预期产出指标');
  });

  it('lists the 二级 under each category, synonyms included', () => {
    expect(STANDARD_LEVEL2.output.map((l) => l.name)).toEqual(['数量指标', '质量指标', '时效指标', '成本指标']);
    expect(STANDARD_LEVEL2.benefit.map((l) => l.name)).toEqual([
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '可持续影响指标',
    ]);
    expect(STANDARD_LEVEL2.satisfaction.map((l) => l.name)).toEqual(['服务对象满意度指标']);
    expect(STANDARD_LEVEL2.cost.map((l) => l.name)).toEqual(['经济成本指标', '社会成本指标', '生态环境成本指标']);
    expect(STANDARD_LEVEL2.benefit.find((l) => l.name === '生态效益指标')?.synonyms).toContain('环境效益指标');
    expect(STANDARD_LEVEL2.satisfaction[0]!.synonyms).toContain('社会公众或服务对象满意度指标');
  });

  it('maps every listed 一级 name and synonym back to its own category', () => {
    for (const entry of STANDARD_LEVEL1) {
      for (const name of [entry.name, ...entry.synonyms]) expect(categoryOfLevel1(name)).toBe(entry.category);
    }
  });
});
