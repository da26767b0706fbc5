import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../test/layout-fields-fixture.ts';
import { seedDocument } from '../../../test/targets-fixtures.ts';
import { diffTargets } from './diff.ts';

const seed = seedDocument();
const pgn6 = '711-0701-JBN-PGN6';

describe('diffTargets', () => {
  it('finds nothing between a document and its copy', () => {
    expect(diffTargets(seed, seedDocument())).toEqual([]);
  });

  it('reports a changed indicator value and budget with Chinese labels and paths by project code', () => {
    const after = seedDocument();
    const project = after.projects.find((p) => p.code === pgn6)!;
    const before = seed.projects.find((p) => p.code === pgn6)!;
    project.indicators[0]!.target = { raw: '≥95%', op: '>=', value: 95, unit: '%' };
    project.budget.total = '1.00';
    const changes = diffTargets(seed, after);
    expect(changes).toEqual([
      {
        path: ['projects', pgn6, 'budget', 'total'],
        where: `项目 ${pgn6} ${project.name}`,
        label: '预算数',
        before: before.budget.total,
        after: '1.00',
      },
      {
        path: ['projects', pgn6, 'indicators', 0, 'target'],
        where: `项目 ${pgn6} ${project.name} · 第1个指标「${project.indicators[0]!.name}」`,
        label: '指标值',
        before: '≥90%',
        after: '≥95%',
      },
    ]);
  });

  it('matches projects by code whatever their order, and reports added and removed ones', () => {
    const after = seedDocument();
    after.projects.reverse();
    expect(diffTargets(seed, after)).toEqual([]);
    const removed = after.projects.pop()!;
    after.projects.push({ ...removed, code: 'NEW-1', name: '新项目' });
    expect(diffTargets(seed, after)).toEqual([
      { path: ['projects', 'NEW-1'], where: '项目 NEW-1', label: '新增项目', before: null, after: '新项目' },
      {
        path: ['projects', removed.code],
        where: `项目 ${removed.code}`,
        label: '删除项目',
        before: removed.name,
        after: null,
      },
    ]);
  });

  it('pairs indicators by their unique name, so an inserted row changes only itself', () => {
    const after = seedDocument();
    const project = after.projects.find((p) => p.code === pgn6)!;
    const inserted = {
      ...project.indicators[0]!,
      name: '新增的指标',
      target: { raw: '10个', op: '=' as const, value: 10, unit: '个' },
    };
    project.indicators.unshift(inserted);
    const changes = diffTargets(seed, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: ['projects', pgn6, 'indicators', 0], label: '新增指标', before: null });
    expect(changes[0]!.after).toContain('新增的指标：10个');
  });

  it('reports changes in the narrative and the spending plan', () => {
    const after = seedDocument();
    after.overall.goals[0]!.title = '改写的目标';
    const project = after.projects[0]!;
    project.spendingPlan = project.spendingPlan.map((c) => (c.month === 3 ? { ...c, cumulativePercent: 25 } : c));
    const changes = diffTargets(seed, after);
    expect(changes.map((c) => [c.label, c.after])).toEqual([
      ['总体绩效目标', '改写的目标'],
      ['资金支出计划 3月底', '25%'],
    ]);
    expect(changes[1]!.before).toBe('（空）');
  });
});

describe('diffTargets on the fields of provincial layouts', () => {
  it('reports a changed weight, nature, extra cell, period and department-level indicator', () => {
    const before = layoutDocument();
    const after = layoutDocument();
    const project = after.projects[0]!;
    project.indicators[0] = { ...project.indicators[0]!, weight: '5', nature: 'qualitative' };
    project.indicators[0].extras = { ...project.indicators[0].extras, 备注: '有变化' };
    project.details = { ...project.details, period: '2020.03-2020.12' };
    after.overall.indicators![1] = { ...after.overall.indicators![1]!, weight: '20' };
    const changes = diffTargets(before, after).map(({ path, label, before: a, after: b }) => [path, label, a, b]);
    expect(changes).toEqual([
      [['overall', 'indicators', 1, 'weight'], '权重', '11', '20'],
      [['projects', project.code, 'details', 'period'], '实施期限', '2020.01-2020.12', '2020.03-2020.12'],
      [['projects', project.code, 'indicators', 0, 'nature'], '指标性质', '定量', '定性'],
      [['projects', project.code, 'indicators', 0, 'weight'], '权重', '7.5', '5'],
      [['projects', project.code, 'indicators', 0, 'extras', '备注'], '备注', '无', '有变化'],
    ]);
  });
});
