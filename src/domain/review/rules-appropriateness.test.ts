import { describe, expect, it } from 'vitest';
import type { Indicator } from '../targets.ts';
import { cleanProject, documentOf, indicator, runRule } from './test-fixtures.ts';

const clean = documentOf([cleanProject()]);
/** The clean project with its first indicator replaced. */
const withFirst = (first: Indicator) =>
  documentOf([cleanProject({ indicators: [first, ...cleanProject().indicators.slice(1)] })]);
const paths = (id: string, doc = clean, policy = {}) => runRule(id, doc, policy).map((h) => h.path);

describe('appropriateness.target-parseable', () => {
  it('is silent on readable and qualitative values', () =>
    expect(paths('appropriateness.target-parseable')).toEqual([]));
  it('fires on a value with digits the grammar cannot read', () => {
    expect(
      paths(
        'appropriateness.target-parseable',
        withFirst(indicator('产出指标', '数量指标', '完成进度', '第一季度完成80%')),
      ),
    ).toEqual([['indicators', 0, 'target']]);
  });
});

describe('appropriateness.vague-target', () => {
  it('is silent on “明显改善” and numbers', () => expect(paths('appropriateness.vague-target')).toEqual([]));
  it('fires on “有所提高”, and the word list is a policy knob', () => {
    const doc = withFirst(indicator('效益指标', '社会效益指标', '职工技能', '有所提高'));
    expect(paths('appropriateness.vague-target', doc)).toEqual([['indicators', 0, 'target']]);
    expect(paths('appropriateness.vague-target', doc, { vagueWords: ['进一步'] })).toEqual([]);
  });
});

describe('appropriateness.operator-direction', () => {
  it('is silent on ≥ for a 发放率 and ≤ for a cost', () => {
    expect(
      paths('appropriateness.operator-direction', withFirst(indicator('产出指标', '数量指标', '补助金发放率', '≥90%'))),
    ).toEqual([]);
    expect(
      paths('appropriateness.operator-direction', withFirst(indicator('产出指标', '成本指标', '人均成本', '≤500元'))),
    ).toEqual([]);
  });
  it('fires on ≥ for a complaint rate and ≤ for a completion rate', () => {
    expect(
      paths('appropriateness.operator-direction', withFirst(indicator('产出指标', '质量指标', '投诉发生率', '≥5%'))),
    ).toEqual([['indicators', 0, 'target']]);
    expect(
      paths('appropriateness.operator-direction', withFirst(indicator('产出指标', '数量指标', '体检完成率', '≤90%'))),
    ).toEqual([['indicators', 0, 'target']]);
  });
  it('treats 投诉处理率 as a rate where more is better', () => {
    expect(
      paths('appropriateness.operator-direction', withFirst(indicator('产出指标', '质量指标', '投诉处理率', '≥95%'))),
    ).toEqual([]);
  });
});

describe('appropriateness.percent-range', () => {
  it('is silent on 90%, a ±3% band and a 150% growth rate', () => {
    expect(paths('appropriateness.percent-range')).toEqual([]);
    expect(
      paths('appropriateness.percent-range', withFirst(indicator('产出指标', '质量指标', '预算偏差', '±3%以内'))),
    ).toEqual([]);
    expect(
      paths('appropriateness.percent-range', withFirst(indicator('效益指标', '经济效益指标', '收入增长率', '≥150%'))),
    ).toEqual([]);
  });
  it('fires on 120% for a coverage rate', () => {
    expect(
      runRule('appropriateness.percent-range', withFirst(indicator('产出指标', '数量指标', '覆盖率', '≥120%')))[0]!
        .message,
    ).toContain('120%');
  });
});

describe('appropriateness.basis', () => {
  it('is silent on 计划标准', () => expect(paths('appropriateness.basis')).toEqual([]));
  it('fires on an empty or free-text basis', () => {
    expect(
      paths('appropriateness.basis', withFirst(indicator('产出指标', '数量指标', '人数', '≥5人', { basis: '' }))),
    ).toEqual([['indicators', 0, 'basis']]);
    expect(
      paths(
        'appropriateness.basis',
        withFirst(indicator('产出指标', '数量指标', '人数', '≥5人', { basis: '领导要求' })),
      ),
    ).toEqual([['indicators', 0, 'basis']]);
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
