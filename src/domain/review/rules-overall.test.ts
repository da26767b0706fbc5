import { describe, expect, it } from 'vitest';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import type { OverallTargets } from '../targets.ts';
import { labelNumber } from './rules-overall.ts';
import { documentOf, runRule } from './test-fixtures.ts';

const overall = (labels: string[], goals = [1, 2]): OverallTargets => ({
  goals: goals.map((seq) => ({ seq, title: `目标${seq}`, detail: `参赛单位达到${seq}0家` })),
  measures: [{ heading: '一、措施', items: labels.map((label) => ({ label, text: '内容' })) }],
});

describe('labelNumber', () => {
  it('reads Chinese and Arabic numbering', () => {
    expect(['（四）', '（六）', '十、', '十二、', '二十一、', '(3)', '无'].map(labelNumber)).toEqual([
      4,
      6,
      10,
      12,
      21,
      3,
      null,
    ]);
  });
});

describe('completeness.overall-numbering', () => {
  it('is silent on （一）（二）（三）', () =>
    expect(runRule('completeness.overall-numbering', documentOf([], overall(['（一）', '（二）', '（三）'])))).toEqual(
      [],
    ));
  it('finds the seed’s gap （四）→（六） in 工作保障措施 section 三', () => {
    const hits = runRule('completeness.overall-numbering', seedDocument());
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ project: null, path: ['overall', 'measures', 2, 'items', 4, 'label'] });
    expect(hits[0]!.message).toContain('（四）跳到（六）');
  });
  it('fires on a gap in the goal numbers', () => {
    expect(runRule('completeness.overall-numbering', documentOf([], overall([], [1, 3])))).toMatchObject([
      { path: ['overall', 'goals', 1] },
    ]);
  });
});

describe('completeness.overall-goal-detail', () => {
  it('is silent when every goal has its paragraph', () =>
    expect(runRule('completeness.overall-goal-detail', seedDocument())).toEqual([]));
  it('fires on a goal without detail', () => {
    const o = overall([]);
    o.goals[1] = { ...o.goals[1]!, detail: null };
    expect(runRule('completeness.overall-goal-detail', documentOf([], o))).toMatchObject([
      { path: ['overall', 'goals', 1] },
    ]);
  });
});

describe('appropriateness.overall-quantified', () => {
  it('is silent when most goals carry a number', () =>
    expect(runRule('appropriateness.overall-quantified', documentOf([], overall([])))).toEqual([]));
  it('notes the seed: 6 of 24 goals are quantified', () => {
    expect(runRule('appropriateness.overall-quantified', seedDocument())[0]!.message).toContain('24 条中只有 6 条');
  });
});
