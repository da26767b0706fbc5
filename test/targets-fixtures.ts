import type { Project, TargetsDocument } from '../src/domain/targets.ts';
import seedJson from './fixtures/shanhaiguan-2020.expected.json' with { type: 'json' };

/** The seed document (秦皇岛市山海关区总工会, unit 711002) in the exchange format: a fresh copy each call. */
export function seedDocument(): TargetsDocument {
  return structuredClone(seedJson) as TargetsDocument;
}

/** The seed, re-labelled as another unit, so tests can keep several units side by side. */
export function documentForUnit(code: string, name: string): TargetsDocument {
  return { ...seedDocument(), unit: { code, name } };
}

/** A small, fully normalised project: what a store must hand back unchanged. */
export function sampleProject(code: string, overrides: Partial<Project> = {}): Project {
  return {
    code,
    name: `测试项目 ${code}`,
    budget: { total: '12345678901.23', fiscal: '12345678900.00', other: '1.23' },
    purpose: '用于测试',
    spendingPlan: [
      { month: 3, cumulativePercent: null },
      { month: 6, cumulativePercent: 33.3 },
      { month: 12, cumulativePercent: 100 },
    ],
    goals: ['完成测试'],
    indicators: [
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '覆盖单位',
        description: '选树示范单位',
        target: { raw: '1-2家', op: 'range', value: null, unit: '家', min: 1, max: 2 },
        basis: '计划标准',
        category: 'output',
      },
      {
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '职工满意度',
        description: '职工对活动的满意程度',
        target: { raw: '≥90%', op: '>=', value: 90, unit: '%' },
        basis: '计划标准',
        category: 'satisfaction',
      },
    ],
    ...overrides,
  };
}
