import { describe, expect, it } from 'vitest';
import { normaliseDocument, normaliseProject } from './normalise.ts';
import type { Project, TargetsDocument } from './targets.ts';

function project(overrides: Partial<Project> = {}): Project {
  return {
    code: ' 711-0701-JBN-PGN6 ',
    name: '困难职工帮扶资金\n',
    budget: { total: '20000.00', fiscal: '20000.00', other: null },
    purpose: '  困难职工帮扶资金',
    spendingPlan: [{ month: 6, cumulativePercent: 60 }],
    goals: [' 有效解决困难职工的生活状况 ', '   ', ''],
    indicators: [
      {
        level1: ' 效果指标 ',
        level2: '社会效益指标 ',
        name: ' 补助人群生活改善情况',
        description: '改善情况 ',
        // Stale derived fields, as a client might send them: all recomputed from raw and level1.
        target: { raw: ' ≥95% ', op: '<=', value: 1, unit: '个' },
        basis: ' 行业标准',
        category: 'cost',
      },
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '补助个人数量',
        description: '',
        target: { raw: '1-2家', op: null, value: null, unit: null },
        basis: '',
        category: null,
      },
    ],
    ...overrides,
  };
}

describe('normaliseProject', () => {
  it('recomputes every target from its raw text and every category from level1, and trims texts', () => {
    const result = normaliseProject(project());
    expect(result).toEqual({
      code: '711-0701-JBN-PGN6',
      name: '困难职工帮扶资金',
      budget: { total: '20000.00', fiscal: '20000.00', other: null },
      purpose: '困难职工帮扶资金',
      spendingPlan: [{ month: 6, cumulativePercent: 60 }],
      goals: ['有效解决困难职工的生活状况'],
      indicators: [
        {
          level1: '效果指标',
          level2: '社会效益指标',
          name: '补助人群生活改善情况',
          description: '改善情况',
          target: { raw: '≥95%', op: '>=', value: 95, unit: '%' },
          basis: '行业标准',
          category: 'benefit',
        },
        {
          level1: '产出指标',
          level2: '数量指标',
          name: '补助个人数量',
          description: '',
          target: { raw: '1-2家', op: 'range', value: null, unit: '家', min: 1, max: 2 },
          basis: '',
          category: 'output',
        },
      ],
    });
  });

  it('does not change its input', () => {
    const input = project();
    const before = structuredClone(input);
    normaliseProject(input);
    expect(input).toEqual(before);
  });

  it('is idempotent', () => {
    const once = normaliseProject(project());
    expect(normaliseProject(once)).toEqual(once);
  });

  it('leaves a target that has no number as the grammar reads it (unit kept, op null)', () => {
    const p = project();
    p.indicators[0]!.target = { raw: '个', op: '>=', value: 3, unit: null };
    expect(normaliseProject(p).indicators[0]!.target).toEqual({ raw: '个', op: null, value: null, unit: '个' });
  });
});

describe('normaliseDocument', () => {
  const doc: TargetsDocument = {
    format: 'jixiao/targets@1',
    unit: { code: ' 711002', name: '秦皇岛市山海关区总工会 ' },
    overall: {
      goals: [
        { seq: 1, title: ' 打造项目化劳动和技能竞赛品牌。', detail: '打造…。 ' },
        { seq: 2, title: '培育职工创新工作室。', detail: '   ' },
      ],
      measures: [{ heading: '一、团结动员 ', items: [{ label: '（一） ', text: ' 深入开展劳动竞赛活动。' }] }],
    },
    projects: [project()],
  };

  it('trims the unit and the overall texts, a blank detail becomes null, and projects are normalised', () => {
    const result = normaliseDocument(doc);
    expect(result.unit).toEqual({ code: '711002', name: '秦皇岛市山海关区总工会' });
    expect(result.overall).toEqual({
      goals: [
        { seq: 1, title: '打造项目化劳动和技能竞赛品牌。', detail: '打造…。' },
        { seq: 2, title: '培育职工创新工作室。', detail: null },
      ],
      measures: [{ heading: '一、团结动员', items: [{ label: '（一）', text: '深入开展劳动竞赛活动。' }] }],
    });
    expect(result.projects[0]).toEqual(normaliseProject(project()));
  });

  it('keeps fiscalYear when present and does not add it when absent', () => {
    expect('fiscalYear' in normaliseDocument(doc)).toBe(false);
    expect(normaliseDocument({ ...doc, fiscalYear: 2020 }).fiscalYear).toBe(2020);
  });
});
