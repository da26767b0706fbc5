import { describe, expect, it } from 'vitest';
import type { Indicator } from '../targets.ts';
import { reviewTargets } from './index.ts';
import { cleanProject, documentOf, indicator, runRule } from './test-fixtures.ts';

/* 可行性: measurability (财预〔2015〕88号 第三条（四）; guide §4 rules 4–7). Ids keep their historical prefix. */

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

describe('feasibility.quantitative-measurable', () => {
  it('is silent when each quantitative indicator says how it is measured, and on qualitative ones', () =>
    expect(paths('feasibility.quantitative-measurable')).toEqual([]));
  it('asks for a 计算方法 or 数据来源 where the description is empty; a method column in extras is enough', () => {
    expect(
      paths('feasibility.quantitative-measurable', withFirst(indicator('产出指标', '数量指标', '培训人数', '≥50人'))),
    ).toEqual([['indicators', 0, 'description']]);
    const withFormula = indicator('产出指标', '数量指标', '培训人数', '≥50人', { extras: { 计算公式: '签到人数' } });
    expect(paths('feasibility.quantitative-measurable', withFirst(withFormula))).toEqual([]);
    const off = withFirst(indicator('产出指标', '数量指标', '培训人数', '≥50人'));
    expect(paths('feasibility.quantitative-measurable', off, { requireMeasurementMethod: false })).toEqual([]);
  });
  it('flags an indicator marked 定量 whose value has no number', () => {
    const quantitative = indicator('产出指标', '时效指标', '完成时间', '及时', {
      nature: 'quantitative',
      description: '按时',
    });
    expect(paths('feasibility.quantitative-measurable', withFirst(quantitative))).toEqual([
      ['indicators', 0, 'target'],
    ]);
  });
  it('is not applicable where the layout has no 指标解释 column', () => {
    const project = cleanProject({
      indicators: [indicator('产出指标', '数量指标', '培训人数', '≥50人'), ...cleanProject().indicators.slice(1)],
      details: { absentFields: ['description'] },
    });
    const report = reviewTargets(documentOf([project]));
    expect(report.findings.filter((f) => f.rule === 'feasibility.quantitative-measurable')).toEqual([]);
    expect(report.notApplicable?.map((n) => [n.rule, n.field])).toEqual([
      ['feasibility.quantitative-measurable', 'description'],
    ]);
  });
});
