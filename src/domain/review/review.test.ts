import { describe, expect, it } from 'vitest';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import type { LayoutField } from '../targets.ts';
import { gradeFindings } from './grade.ts';
import { DEFAULT_REVIEW_POLICY, REVIEW_RULES, resolveReviewPolicy, reviewTargets, type Finding } from './index.ts';
import { cleanProject, documentOf } from './test-fixtures.ts';

describe('reviewTargets on the seed', () => {
  const report = reviewTargets(seedDocument());
  const find = (rule: string, project: string | null) =>
    report.findings.filter((f) => f.rule === rule && f.project === project);

  it('reports the defects the issue names', () => {
    expect(find('completeness.target-value', '711-0403-JBN-3EQS')).toMatchObject([
      { severity: 'error', path: ['indicators', 0, 'target'] },
    ]);
    expect(find('relevance.goal-matches-project', '711-0403-JBN-MQNI')).toMatchObject([
      { severity: 'error', path: ['goals', 0] },
    ]);
    expect(find('appropriateness.level1-name', '711-0701-JBN-PGN6')).toMatchObject([
      { severity: 'info', path: ['indicators', 1, 'level1'] },
    ]);
    expect(find('completeness.spending-plan-filled', '711-0701-JBN-PGN6')).toMatchObject([
      { severity: 'warning', path: ['spendingPlan', 0, 'cumulativePercent'] },
    ]);
    expect(find('completeness.overall-numbering', null)).toMatchObject([
      { path: ['overall', 'measures', 2, 'items', 4, 'label'] },
    ]);
  });
  it('finds no error on 711-0701-JBN-PGN6', () => {
    expect(report.findings.filter((f) => f.project === '711-0701-JBN-PGN6' && f.severity === 'error')).toEqual([]);
  });
  it('grades the seed 中: two errors in two of four projects', () => {
    expect(report.findings.filter((f) => f.severity === 'error')).toHaveLength(2);
    expect(report.grade).toBe('中');
  });
  it('orders findings by project as in the document, department last', () => {
    const order = [...new Set(report.findings.map((f) => f.project))];
    expect(order).toEqual(['711-0701-JBN-PGN6', '711-0403-JBN-3EQS', '711-0403-JBN-MQNI', '711-0701-YSN-2UE1', null]);
  });
  it('every finding carries both languages', () => {
    expect(report.findings.every((f) => f.message !== '' && /[a-z]/i.test(f.messageEn))).toBe(true);
  });
});

describe('policy', () => {
  it('has the guide’s defaults', () => {
    expect(DEFAULT_REVIEW_POLICY).toMatchObject({
      minIndicators: 3,
      requireSatisfaction: 'when-serving-people',
      spendingPlanTolerance: 0,
    });
  });
  it('fills a partial policy with the defaults, field by field', () => {
    const policy = resolveReviewPolicy({ minIndicators: 4, gradePoorErrors: undefined });
    expect(policy.minIndicators).toBe(4);
    expect(policy.gradePoorErrors).toBe(5);
    expect(policy.vagueWords).toEqual(DEFAULT_REVIEW_POLICY.vagueWords);
  });
  it('switches rules off by id', () => {
    const report = reviewTargets(seedDocument(), { disabledRules: ['relevance.goal-matches-project'] });
    expect(report.findings.some((f) => f.rule === 'relevance.goal-matches-project')).toBe(false);
  });
  it('rule ids are unique; each rule is filed under the criterion 财预〔2015〕88号 gives it (decision 032)', () => {
    const ids = REVIEW_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Ids are stable (policies name them in disabledRules); the criterion is what the rule checks.
    expect(Object.fromEntries(REVIEW_RULES.map((r) => [r.id, r.criterion]))).toEqual({
      'completeness.required-fields': '完整性',
      'completeness.indicator-fields': '完整性',
      'completeness.target-value': '完整性',
      'completeness.min-indicators': '完整性',
      'completeness.indicator-coverage': '完整性',
      'completeness.satisfaction-indicator': '完整性',
      'completeness.spending-plan-filled': '完整性',
      'feasibility.budget-identity': '完整性',
      'appropriateness.level1-name': '完整性',
      'appropriateness.level1-unknown': '完整性',
      'appropriateness.misclassified': '完整性',
      'appropriateness.duplicate-indicator': '完整性',
      'relevance.goal-matches-project': '相关性',
      'relevance.indicators-match-project': '相关性',
      'relevance.goal-numbers-agree': '相关性',
      'appropriateness.input-indicator': '相关性',
      'appropriateness.budget-positive': '适当性',
      'appropriateness.unit-cost': '适当性',
      'appropriateness.target-parseable': '可行性',
      'appropriateness.vague-target': '可行性',
      'appropriateness.operator-direction': '可行性',
      'appropriateness.percent-range': '可行性',
      'appropriateness.basis': '可行性',
      'feasibility.quantitative-measurable': '可行性',
      'feasibility.spending-plan-shape': '可行性',
      'feasibility.spending-plan-complete': '可行性',
      'feasibility.last-year-poor': '可行性',
      'completeness.overall-numbering': '完整性',
      'completeness.overall-goal-detail': '完整性',
      'appropriateness.overall-quantified': '可行性',
    });
  });
  it('适当性 holds only rules about money against targets', () => {
    const appropriateness = REVIEW_RULES.filter((r) => r.criterion === '适当性').map((r) => r.id);
    expect(appropriateness).toEqual(['appropriateness.budget-positive', 'appropriateness.unit-cost']);
  });
});

describe('grade', () => {
  const f = (severity: Finding['severity'], project: string | null = 'A'): Finding => ({
    rule: 'x',
    criterion: '完整性',
    severity,
    project,
    path: [],
    message: '',
    messageEn: '',
  });
  const grade = (findings: Finding[], projects = 4) => gradeFindings(findings, projects, DEFAULT_REVIEW_POLICY);

  it('优 with no error and at most two warnings; infos never count', () => {
    expect(grade([f('warning'), f('warning'), f('info'), f('info'), f('info')])).toBe('优');
    expect(reviewTargets(documentOf([cleanProject()])).grade).toBe('优');
  });
  it('良 with three warnings', () => expect(grade([f('warning'), f('warning'), f('warning')])).toBe('良'));
  it('中 with one error', () => expect(grade([f('error'), f('warning')])).toBe('中'));
  it('差 with five errors, or errors in more than half the projects', () => {
    expect(grade([f('error'), f('error'), f('error'), f('error'), f('error')])).toBe('差');
    expect(grade([f('error', 'A'), f('error', 'B'), f('error', 'C')])).toBe('差');
    expect(grade([f('error', 'A'), f('error', 'B')])).toBe('中');
  });
});

describe('a layout without some fields (issue 15 item 7)', () => {
  const withoutFields = cleanProject({
    purpose: '',
    spendingPlan: [],
    indicators: cleanProject().indicators.map((indicator) => ({ ...indicator, basis: '' })),
  });

  it('reports the missing purpose, spending plan and basis when the form had them', () => {
    const report = reviewTargets(documentOf([withoutFields]));
    const fields = new Set(report.findings.map((f) => (f.path[0] === 'indicators' ? f.path[2] : f.path[0])));
    expect(fields).toEqual(new Set(['purpose', 'spendingPlan', 'basis']));
    expect(report.notApplicable).toBeUndefined();
  });

  it('says which rules could not apply instead, when the source layout has no such fields', () => {
    const absentFields: LayoutField[] = ['purpose', 'spendingPlan', 'basis'];
    const report = reviewTargets(documentOf([{ ...withoutFields, details: { absentFields } }]));
    expect(report.findings).toEqual([]);
    expect(report.grade).toBe('优');
    const skipped = report.notApplicable ?? [];
    expect(new Set(skipped.map((n) => n.field))).toEqual(new Set(['purpose', 'spendingPlan', 'basis']));
    expect(skipped.every((n) => n.project === 'P-1' && n.message.includes('未适用'))).toBe(true);
    // One entry per rule and field, however many indicators lack a basis.
    expect(skipped.filter((n) => n.field === 'basis')).toHaveLength(1);
  });
});
