import type { IndicatorFacts, ProjectFacts, SelfReportFacts } from './types.ts';

/** Facts for the self-report tests: one project with a met, a missed and an unscored indicator. */
export function indicatorFacts(overrides: Partial<IndicatorFacts> = {}): IndicatorFacts {
  return {
    level1: '产出指标',
    level2: '数量指标',
    name: '慰问职工人数',
    target: '≥500人',
    actual: '520人',
    weight: 20,
    points: 20,
    met: true,
    notApplicable: false,
    deviationReason: '',
    improvementMeasures: '',
    ...overrides,
  };
}

export function projectFacts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    code: 'P001',
    name: '困难职工帮扶',
    purpose: '用于困难职工生活救助',
    goals: ['帮扶困难职工500人'],
    budget: { total: '100000.00', fiscal: '80000.00', other: '20000.00' },
    adjustedBudget: '100000.00',
    spent: '85000.00',
    executionRate: 85,
    executionReason: '部分资金年底未支付',
    score: 82.5,
    grade: '良',
    scorable: true,
    incomplete: false,
    indicators: [
      indicatorFacts(),
      indicatorFacts({
        level2: '质量指标',
        name: '帮扶覆盖率',
        target: '≥95%',
        actual: '80%',
        points: 12.5,
        met: false,
        deviationReason: '部分职工信息更新滞后',
        improvementMeasures: '建立动态台账',
      }),
      indicatorFacts({
        level2: '满意度指标',
        name: '职工满意度',
        target: '≥90%',
        actual: null,
        points: null,
        met: null,
      }),
    ],
    spending: [
      { month: 6, plannedPercent: 50, actualPercent: 40 },
      { month: 12, plannedPercent: 100, actualPercent: 85 },
    ],
    ...overrides,
  };
}

export function reportFacts(overrides: Partial<SelfReportFacts> = {}): SelfReportFacts {
  return {
    unitCode: '711002',
    unitName: '山海关区总工会',
    fiscalYear: 2026,
    evaluationStatus: 'draft',
    overallGoals: ['维护职工合法权益'],
    meanScore: 82.5,
    projects: [projectFacts()],
    department: null,
    ...overrides,
  };
}
