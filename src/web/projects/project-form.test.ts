import { describe, expect, it } from 'vitest';
import type { Project } from '../../domain/targets.ts';
import {
  budgetIdentityProblem,
  canonicalAmount,
  emptyProjectForm,
  formToProject,
  issueCell,
  issueFieldName,
  normaliseIssuePath,
  projectToForm,
  validateAmount,
} from './project-form.ts';
import { level1Options, level2Options } from './indicator-names.ts';

const seedProject: Project = {
  code: '711-0403-JBN-3EQS',
  name: '劳模荣誉津贴',
  budget: { total: '14400.00', fiscal: '14400.00', other: null },
  purpose: '劳模荣誉津贴',
  spendingPlan: [
    { month: 3, cumulativePercent: null },
    { month: 6, cumulativePercent: 60 },
    { month: 10, cumulativePercent: 90 },
    { month: 12, cumulativePercent: 100 },
  ],
  goals: ['加强和改进劳动模范管理和服务工作，有效解决或缓解困难省劳模的生活状况。'],
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      name: '补助个人数量',
      description: '补助的人数',
      target: { raw: '个', op: null, value: null, unit: '个' },
      basis: '行业标准',
      category: 'output',
    },
    {
      level1: '效果指标',
      level2: '社会效益指标',
      name: '补助人群生活改善情况',
      description: '改善情况',
      target: { raw: '≥90%', op: '>=', value: 90, unit: '%' },
      basis: '行业标准',
      category: 'benefit',
    },
  ],
};

describe('project ↔ form', () => {
  it('round-trips a stored project unchanged', () => {
    expect(formToProject(projectToForm(seedProject))).toEqual(seedProject);
  });

  it('re-reads an edited target value and keeps amounts as exact decimal strings', () => {
    const form = projectToForm(seedProject);
    form.indicators[0]!.target = '≥ 12 个';
    form.budget = { total: '20,000.5', fiscal: '20000.50', other: '' };
    form.goals = ['  第一条 ', '', '第二条'];
    const project = formToProject(form);
    expect(project.indicators[0]!.target).toMatchObject({ raw: '≥ 12 个', op: '>=', value: 12, unit: '个' });
    expect(project.budget).toEqual({ total: '20000.50', fiscal: '20000.50', other: null });
    expect(project.goals).toEqual(['第一条', '第二条']);
  });

  it('derives the category of a changed 一级, synonyms included', () => {
    const form = projectToForm(seedProject);
    form.indicators[0]!.level1 = '满意度指标';
    expect(formToProject(form).indicators.map((i) => i.category)).toEqual(['satisfaction', 'benefit']);
  });

  it('starts a new project with the usual checkpoints and one indicator per standard 一级', () => {
    const form = emptyProjectForm();
    expect(form.spendingPlan.map((c) => c.month)).toEqual([3, 6, 10, 12]);
    expect(form.indicators.map((i) => i.level1)).toEqual(['产出指标', '效益指标', '满意度指标']);
  });
});

describe('amounts', () => {
  it('accepts 元 with up to two decimals, thousands separators included', () => {
    for (const ok of ['20000', '20000.5', '20000.00', '20,000.00', '', '0']) expect(validateAmount(ok)).toBeNull();
  });
  it('rejects three decimals, words and negative amounts', () => {
    expect(validateAmount('20000.001')).toBe('editor.amountInvalid');
    expect(validateAmount('两万')).toBe('editor.amountInvalid');
    expect(validateAmount('-1')).toBe('editor.amountNegative');
  });
  it('canonicalises without floats', () => {
    expect(canonicalAmount('999999999999999.9')).toBe('999999999999999.90');
    expect(canonicalAmount(' ')).toBeNull();
  });
  it('checks 预算数 = 财政资金 + 其他资金 exactly', () => {
    expect(budgetIdentityProblem({ total: '0.30', fiscal: '0.10', other: '0.20' })).toBeNull();
    expect(budgetIdentityProblem({ total: '100.00', fiscal: '60', other: '30' })).toEqual({
      total: '100.00',
      sum: '90.00',
    });
    expect(budgetIdentityProblem({ total: '100.00', fiscal: '', other: '' })).toBeNull();
  });
});

describe('server issues → form fields', () => {
  it('maps project paths onto the form, numeric strings included', () => {
    expect(issueFieldName(normaliseIssuePath(['indicators', '2', 'target', 'raw']))).toEqual([
      'indicators',
      2,
      'target',
    ]);
    expect(issueFieldName(['budget', 'total'])).toEqual(['budget', 'total']);
    expect(issueFieldName(['spendingPlan', 1, 'cumulativePercent'])).toEqual(['spendingPlan', 1, 'cumulativePercent']);
    expect(issueFieldName(['name'])).toEqual(['name']);
    expect(issueFieldName(['format'])).toBeNull();
  });
});

describe('server issues → the grid cell that shows them', () => {
  const rows = [
    { level1: '产出指标', level2: '数量指标' },
    { level1: '产出指标', level2: '数量指标' },
    { level1: '产出指标', level2: '质量指标' },
  ];
  it('shows a 一级/二级 issue of a merged row at the run’s one input (its first row)', () => {
    expect(issueCell(['indicators', '1', 'level2'], rows)).toEqual(['indicators', 0, 'level2']);
    expect(issueCell(['indicators', '2', 'level1'], rows)).toEqual(['indicators', 0, 'level1']);
    expect(issueCell(['indicators', '2', 'level2'], rows)).toEqual(['indicators', 2, 'level2']);
  });
  it('keeps every other cell, details included, and places nothing it has no cell for', () => {
    expect(issueCell(['indicators', '1', 'name'], rows)).toEqual(['indicators', 1, 'name']);
    expect(issueCell(['details', 'period'], rows)).toEqual(['details', 'period']);
    expect(issueCell(['details', 'extras'], rows)).toBeNull();
  });
});

describe('主管部门 / 实施单位 / 实施期限', () => {
  it('are edited as text and saved back with the details the form does not show', () => {
    const project: Project = {
      ...seedProject,
      details: { department: '市总工会', period: '2020.01-2020.12', longTermGoals: ['长期'], extras: { 备注: '无' } },
    };
    const values = projectToForm(project);
    expect(values.details).toEqual({ department: '市总工会', implementer: '', period: '2020.01-2020.12' });
    expect(formToProject({ ...values, details: { ...values.details, implementer: ' 区总工会 ' } }).details).toEqual({
      department: '市总工会',
      implementer: '区总工会',
      period: '2020.01-2020.12',
      longTermGoals: ['长期'],
      extras: { 备注: '无' },
    });
    expect(formToProject(projectToForm(seedProject)).details).toBeUndefined();
  });
});

describe('indicator name suggestions', () => {
  it('offers the standard 一级 and the 二级 of the 一级 as written (效果指标 ≡ 效益指标)', () => {
    expect(level1Options()).toEqual(['产出指标', '效益指标', '满意度指标', '成本指标']);
    expect(level2Options('效果指标')).toContain('社会效益指标');
    expect(level2Options('满意度指标')).toEqual(['服务对象满意度指标']);
    expect(level2Options('自定义').length).toBeGreaterThan(10);
  });
});
