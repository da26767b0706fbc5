import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppError } from '../domain/errors.ts';
import { ProjectInputSchema } from './api.ts';
import { ReviewEvaluationBodySchema, SaveEvaluationBodySchema } from './evaluation.ts';
import { fieldLabel } from './field-labels.ts';
import { useChineseValidationMessages } from './locale.ts';
import {
  ActionBodySchema,
  BudgetAdjustmentBodySchema,
  ProgressBodySchema,
  ProjectEntryBodySchema,
  SpendingBodySchema,
} from './monitoring.ts';
import { ReviewOpinionBodySchema } from './review-opinions.ts';
import { validateInput, zodIssues } from './validate-input.ts';

useChineseValidationMessages();

const validIndicator = {
  level1: '产出指标',
  level2: '数量指标',
  name: '培训人次',
  description: '',
  target: { raw: '≥90%' },
  basis: '',
  category: 'output',
};
const validProject = {
  code: '711-0701-JBN-PGN6',
  name: '职工培训',
  budget: { total: '1000.00', fiscal: '1000.00', other: null },
  purpose: '培训',
  spendingPlan: [{ month: 6, cumulativePercent: 50 }],
  goals: ['完成培训'],
  // Two separate objects: structuredClone keeps a shared reference shared.
  indicators: [validIndicator, structuredClone(validIndicator)],
};

/** zod's own words that must never reach a user. */
const RAW_ZOD = /期望|expected|invalid|number|string|<=|>=|undefined/i;

describe('fieldLabel: a path in words, never an internal key', () => {
  it.each([
    [['name'], 'projects', '“项目名称”'],
    [['indicators', 1, 'target', 'raw'], 'projects', '第 2 个指标的“指标值”'],
    [['indicators', 0, 'name'], 'projects', '第 1 个指标的“三级指标”'],
    [['budget', 'total'], 'projects', '“预算数”'],
    [['budget', 'fiscal'], undefined, '“财政资金”'],
    [['spendingPlan', 2, 'month'], 'projects', '第 3 个用款计划的“月份”'],
    [['projects', 0, 'indicators', 3, 'actual'], undefined, '第 1 个项目的第 4 个指标的“实际完成值”'],
    [['projects', 1, 'code'], undefined, '第 2 个项目的“项目编码”'],
    [['projects', 0, 'categoryPoints', 'cost'], undefined, '第 1 个项目的“成本指标得分”'],
    [['overall', 'goals', 0, 'title'], undefined, '部门整体目标的第 1 个目标的“目标”'],
    [['unit', 'code'], undefined, '“单位编码”'],
    [['entries', 0, 'amount'], 'spending', '第 1 个支出记录的“支出金额”'],
    [['opinion'], 'review-opinions', '“审核意见”'],
    [['indicators', 1], 'projects', '第 2 个指标'],
    [['mystery'], undefined, '某项内容'],
    [[], undefined, '提交的内容'],
  ] as const)('%j (root %s) → %s', (path, root, expected) => {
    expect(fieldLabel(path, root)).toBe(expected);
  });
});

describe('validateInput: zod issues as Chinese sentences naming the field', () => {
  const project = (change: (p: Record<string, unknown>) => void): unknown => {
    const copy = structuredClone(validProject) as Record<string, unknown>;
    change(copy);
    return copy;
  };
  const indicators = (p: Record<string, unknown>) => p['indicators'] as Record<string, unknown>[];

  it.each([
    ['an empty name', project((p) => (p['name'] = '')), ['name'], '“项目名称”不能为空'],
    ['a missing name', project((p) => delete p['name']), ['name'], '“项目名称”必须填写'],
    [
      'a target that is not text',
      project((p) => (indicators(p)[1]!['target'] = { raw: 90 })),
      ['indicators', 1, 'target', 'raw'],
      '第 2 个指标的“指标值”应为文字',
    ],
    [
      'a missing target',
      project((p) => delete indicators(p)[1]!['target']),
      ['indicators', 1, 'target'],
      '第 2 个指标的“指标值”必须填写',
    ],
    [
      'a month above 12',
      project((p) => (p['spendingPlan'] = [{ month: 13, cumulativePercent: 50 }])),
      ['spendingPlan', 0, 'month'],
      '第 1 个用款计划的“月份”不能大于 12',
    ],
    [
      'a month below 1',
      project((p) => (p['spendingPlan'] = [{ month: 0, cumulativePercent: 50 }])),
      ['spendingPlan', 0, 'month'],
      '第 1 个用款计划的“月份”不能小于 1',
    ],
    [
      'a fractional month',
      project((p) => (p['spendingPlan'] = [{ month: 1.5, cumulativePercent: 50 }])),
      ['spendingPlan', 0, 'month'],
      '第 1 个用款计划的“月份”应为整数',
    ],
    [
      'a month as text',
      project((p) => (p['spendingPlan'] = [{ month: '6', cumulativePercent: 50 }])),
      ['spendingPlan', 0, 'month'],
      '第 1 个用款计划的“月份”应为数字',
    ],
    [
      'an unknown category',
      project((p) => (indicators(p)[0]!['category'] = 'other')),
      ['indicators', 0, 'category'],
      '第 1 个指标的“指标类别”不是可选的值，请从列表中选择',
    ],
    [
      'indicators that are not a list',
      project((p) => (p['indicators'] = 'none')),
      ['indicators'],
      '“指标”应为一组内容',
    ],
    [
      "the contract's own words on a bad amount",
      project((p) => (p['budget'] = { total: '12', fiscal: null, other: null })),
      ['budget', 'total'],
      '“预算数”：金额应为不小于 0 的元数，保留两位小数，如 "20000.00"',
    ],
  ])('%s', (_, input, path, sentence) => {
    const issue = issueOf(ProjectInputSchema, input);
    expect(issue.path).toEqual(path);
    expect(issue.message).toBe(sentence);
  });

  it.each([
    [SaveEvaluationBodySchema, { projects: [{ code: '', indicators: [] }] }, '第 1 个项目的“项目编码”不能为空'],
    [
      SaveEvaluationBodySchema,
      { projects: [{ code: 'P', indicators: [{ name: '人次', weight: 120 }] }] },
      '第 1 个项目的第 1 个指标的“权重”不能大于 100',
    ],
    [ReviewEvaluationBodySchema, { decision: 'maybe' }, '“审核结果”不是可选的值，请从列表中选择'],
    [SpendingBodySchema, { entries: [] }, '“支出记录”至少填写一项'],
    [
      SpendingBodySchema,
      { entries: [{ month: 3, source: 'fiscal', amount: 5 }] },
      '第 1 个支出记录的“支出金额”应为文字',
    ],
    [ProjectEntryBodySchema, { month: 13, forecastFullYear: '1' }, '“月份”不能大于 12'],
    [BudgetAdjustmentBodySchema, { adjustedBudget: '1', reason: '' }, '“生效日期”必须填写'],
    [ActionBodySchema, { kind: 'warn', body: 'x', deadline: '2026-01-01' }, '“类型”应为以下之一：提示、警示'],
    [
      SaveEvaluationBodySchema,
      { projects: [{ code: 'P', indicators: [], categoryPoints: { cost: -1 } }] },
      '“成本指标得分”不能小于 0',
    ],
    [ReviewEvaluationBodySchema, { decision: 'approve', comment: 5 }, '“意见”应为文字'],
    [
      ReviewOpinionBodySchema,
      {
        projectCode: null,
        completeness: '优',
        relevance: '优',
        appropriateness: '优',
        feasibility: '优',
        overall: '好',
        opinion: 'x',
      },
      '“审核结果”应为以下之一：',
    ],
    [ProgressBodySchema, { indicatorName: '人次', month: 3, valueToDate: 1 }, '“累计完成值”应为文字'],
  ] as [z.ZodType, unknown, string][])('body %#', (schema, input, sentence) => {
    expect(issueOf(schema, input).message).toContain(sentence);
  });

  it('never lets zod wording or an internal key into a message', () => {
    const inputs = [
      project((p) => (p['spendingPlan'] = [{ month: 99, cumulativePercent: 'x' }])),
      project((p) => (p['indicators'] = [{}])),
      project((p) => (p['budget'] = null)),
      {},
      null,
    ];
    for (const input of inputs) {
      const result = ProjectInputSchema.safeParse(input);
      expect(result.success).toBe(false);
      if (result.success) continue;
      for (const issue of zodIssues(result.error, { input, root: 'projects' })) {
        expect(issue.message).not.toMatch(RAW_ZOD);
        expect(issue.message).not.toMatch(/[a-zA-Z]{3,}/);
      }
    }
  });

  it("throws VALIDATION with the subject, the first sentence, how many more, and every issue's path", () => {
    const input = project((p) => {
      p['name'] = '';
      indicators(p)[1]!['target'] = {};
    });
    let thrown: unknown;
    try {
      validateInput(ProjectInputSchema, input, '项目');
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown)).toBe(true);
    if (!isAppError(thrown)) return;
    expect(thrown.message).toBe('项目不符合要求：“名称”不能为空（另有 1 处问题）');
    expect(thrown.location).toEqual({ path: ['name'] });
    expect(thrown.issues.map((issue) => issue.path)).toEqual([['name'], ['indicators', 1, 'target', 'raw']]);
  });

  it('tells an absent field from the issue alone when the input is not at hand', () => {
    const result = z.object({ month: z.number() }).safeParse({});
    expect(result.success).toBe(false);
    if (!result.success) expect(zodIssues(result.error)[0]?.message).toBe('“月份”必须填写');
  });
});

describe('every field of the request bodies has a label', () => {
  it.each([
    ['projects', ProjectInputSchema],
    [undefined, SaveEvaluationBodySchema],
    [undefined, ReviewEvaluationBodySchema],
    ['spending', SpendingBodySchema],
    [undefined, BudgetAdjustmentBodySchema],
    [undefined, ProgressBodySchema],
    [undefined, ProjectEntryBodySchema],
    [undefined, ActionBodySchema],
    ['review-opinions', ReviewOpinionBodySchema],
  ] as [string | undefined, z.ZodType][])('labels body %#', (root, schema) => {
    const unlabelled = leafPaths(schema).filter((path) => fieldLabel(path, root).includes('某项内容'));
    expect(unlabelled).toEqual([]);
  });
});

function issueOf(schema: z.ZodType, input: unknown): { path?: (string | number)[]; message: string } {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  const issue = zodIssues(result.error, { input, root: schema === ProjectInputSchema ? 'projects' : undefined })[0];
  if (!issue) throw new Error('no issue');
  return issue;
}

/** Every path to a field that holds a value (not an object or list), with 0 for each list. */
function leafPaths(schema: z.ZodType, prefix: (string | number)[] = []): (string | number)[][] {
  const def = schema._zod.def as { type: string; shape?: object; element?: z.ZodType; innerType?: z.ZodType };
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, field]) =>
      leafPaths(field, [...prefix, key]),
    );
  }
  if (def.type === 'array' && def.element) return leafPaths(def.element, [...prefix, 0]);
  if (def.innerType) return leafPaths(def.innerType, prefix);
  if (def.type === 'pipe') return leafPaths((def as unknown as { in: z.ZodType }).in, prefix);
  return [prefix];
}
