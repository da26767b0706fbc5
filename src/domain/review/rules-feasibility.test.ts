import { describe, expect, it } from 'vitest';
import { cleanProject, documentOf, runRule } from './test-fixtures.ts';

const clean = documentOf([cleanProject()]);
const plan = (...values: (number | null)[]) =>
  values.map((cumulativePercent, i) => ({ month: [3, 6, 10, 12][i]!, cumulativePercent }));

describe('feasibility.spending-plan-shape', () => {
  it('is silent on a rising plan (an empty checkpoint is skipped)', () => {
    expect(
      runRule('feasibility.spending-plan-shape', documentOf([cleanProject({ spendingPlan: plan(null, 60, 90, 100) })])),
    ).toEqual([]);
  });
  it('fires on a step back and on a value above 100', () => {
    const hits = runRule(
      'feasibility.spending-plan-shape',
      documentOf([cleanProject({ spendingPlan: plan(30, 20, 90, 120) })]),
    );
    expect(hits.map((h) => h.path)).toEqual([
      ['spendingPlan', 1, 'cumulativePercent'],
      ['spendingPlan', 3, 'cumulativePercent'],
    ]);
  });
  it('tolerates a step back within spendingPlanTolerance', () => {
    const doc = documentOf([cleanProject({ spendingPlan: plan(30, 29.5, 90, 100) })]);
    expect(runRule('feasibility.spending-plan-shape', doc, { spendingPlanTolerance: 0.5 })).toEqual([]);
  });
});

describe('feasibility.spending-plan-complete', () => {
  it('is silent when the plan ends at 100', () =>
    expect(runRule('feasibility.spending-plan-complete', clean)).toEqual([]));
  it('fires when it ends at 95, unless the tolerance allows 5 points', () => {
    const doc = documentOf([cleanProject({ spendingPlan: plan(30, 60, 90, 95) })]);
    expect(runRule('feasibility.spending-plan-complete', doc)).toMatchObject([
      { path: ['spendingPlan', 3, 'cumulativePercent'] },
    ]);
    expect(runRule('feasibility.spending-plan-complete', doc, { spendingPlanTolerance: 5 })).toEqual([]);
  });
});
