import { describe, expect, it } from 'vitest';
import type { Indicator } from '../targets.ts';
import { cleanProject, documentOf, indicator, runRule } from './test-fixtures.ts';

/* 完整性: the table in the required form (guide §3, §4 rules 12–13); 相关性: no input as an indicator (rule 8). */

const clean = documentOf([cleanProject()]);
/** The clean project with its first indicator replaced. */
const withFirst = (first: Indicator) =>
  documentOf([cleanProject({ indicators: [first, ...cleanProject().indicators.slice(1)] })]);
const paths = (id: string, doc = clean, policy = {}) => runRule(id, doc, policy).map((h) => h.path);

describe('appropriateness.level1-name and level1-unknown', () => {
  it('are silent on standard names', () => {
    expect(paths('appropriateness.level1-name')).toEqual([]);
    expect(paths('appropriateness.level1-unknown')).toEqual([]);
  });
  it('note 效果指标 as a non-standard name for 效益指标', () => {
    const doc = documentOf([
      cleanProject({
        indicators: [cleanProject().indicators[0]!, indicator('效果指标', '社会效益指标', '生活改善', '明显')],
      }),
    ]);
    expect(runRule('appropriateness.level1-name', doc)).toMatchObject([
      { path: ['indicators', 1, 'level1'], message: expect.stringContaining('“效益指标”') },
    ]);
    expect(paths('appropriateness.level1-unknown', doc)).toEqual([]);
  });
  it('warn on a 一级 that maps to no category', () => {
    expect(
      paths('appropriateness.level1-unknown', withFirst(indicator('工作指标', '数量指标', '人数', '5人'))),
    ).toEqual([['indicators', 0, 'level1']]);
  });
});

describe('appropriateness.misclassified', () => {
  it('is silent on a well-filed project', () => expect(paths('appropriateness.misclassified')).toEqual([]));
  it('fires on 满意度 used as a benefit, a completion rate as a benefit and a 质量指标 under 效益', () => {
    const doc = documentOf([
      cleanProject({
        indicators: [
          indicator('效益指标', '社会效益指标', '职工满意度', '≥90%'),
          indicator('效果指标', '社会效益指标', '健康体检表完成率', '≥90%'),
          indicator('效益指标', '质量指标', '改善情况', '明显'),
        ],
      }),
    ]);
    expect(paths('appropriateness.misclassified', doc)).toEqual([
      ['indicators', 0, 'level1'],
      ['indicators', 1, 'level1'],
      ['indicators', 2, 'level1'],
    ]);
  });
});

describe('appropriateness.duplicate-indicator', () => {
  it('is silent on distinct names', () => expect(paths('appropriateness.duplicate-indicator')).toEqual([]));
  it('fires on the second occurrence', () => {
    const p = cleanProject();
    p.indicators.push(indicator('产出指标', '数量指标', '帮扶困难职工人数', '≥60人'));
    expect(runRule('appropriateness.duplicate-indicator', documentOf([p]))).toMatchObject([
      { path: ['indicators', 3, 'name'], message: expect.stringContaining('第1个') },
    ]);
  });
});
describe('appropriateness.input-indicator', () => {
  it('is silent on outputs and on money saved', () => {
    expect(paths('appropriateness.input-indicator')).toEqual([]);
    expect(
      paths('appropriateness.input-indicator', withFirst(indicator('产出指标', '数量指标', '节约资金', '≥2万元'))),
    ).toEqual([]);
  });
  it('fires on 投入资金20万元 and on money counted as a 数量指标', () => {
    expect(
      paths('appropriateness.input-indicator', withFirst(indicator('产出指标', '数量指标', '投入资金', '20万元'))),
    ).toEqual([['indicators', 0, 'name']]);
    expect(
      paths('appropriateness.input-indicator', withFirst(indicator('产出指标', '数量指标', '帮扶金额', '≥10万元'))),
    ).toEqual([['indicators', 0, 'name']]);
  });
});
