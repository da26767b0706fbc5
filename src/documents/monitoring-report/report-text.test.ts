import { describe, expect, it } from 'vitest';
import { reportSections } from './report-text.ts';
import { statementGrids } from './statement-grid.ts';
import type { MonitoringStatement } from './types.ts';

const statement: MonitoringStatement = {
  unitCode: '711002',
  unitName: '示例单位',
  fiscalYear: 2026,
  month: 7,
  submittedAt: null,
  projects: [
    {
      code: 'A',
      name: '困难职工帮扶',
      initialBudget: '0.10',
      fullYearBudget: '0.10',
      spentToDate: '0.05',
      executionRate: '50.00',
      forecastFullYear: '0.07',
      forecastHint: '0.10',
      releasedToDate: null,
      carryOver: null,
      indicators: [
        {
          level1: '产出指标',
          level2: '数量指标',
          name: '帮扶人数',
          target: '≥100人',
          valueToDate: '40人',
          forecast: '90人',
          likelihood: '有可能',
          categories: ['经费保障', '人员保障'],
          reason: '资金下达晚',
          measures: '下半年集中发放',
        },
      ],
    },
    {
      code: 'B',
      name: '劳模体检',
      initialBudget: '0.20',
      fullYearBudget: '0.20',
      spentToDate: '0.00',
      executionRate: '0.00',
      forecastFullYear: null,
      forecastHint: '0.20',
      releasedToDate: null,
      carryOver: null,
      indicators: [],
    },
  ],
  actions: [
    { projectCode: 'A', kind: '纠偏', body: '督促发放', deadline: '2026-09-30', state: '整改中', reply: '已安排' },
  ],
};

describe('监控报告 text', () => {
  it('sums money exactly (0.1 + 0.2 = 0.30) and states the rate from cents', () => {
    const [overall] = reportSections(statement);
    expect(overall!.paragraphs[0]).toContain('全年预算数合计 0.30 元');
    expect(overall!.paragraphs[0]).toContain('执行 0.05 元，执行率 16.67%');
    expect(overall!.paragraphs[1]).toContain('有可能完成 1 个');
  });

  it('lists deviations with every category, the measures and the actions with their 整改', () => {
    const [, deviations, measures, actions] = reportSections(statement);
    expect(deviations!.paragraphs.join('\n')).toMatch(/预计全年执行 0\.07 元，低于全年预算数 0\.10 元/);
    expect(deviations!.paragraphs.join('\n')).toContain('偏差原因：经费保障、人员保障；资金下达晚');
    expect(measures!.paragraphs).toEqual(['“困难职工帮扶”的指标“帮扶人数”：下半年集中发放']);
    expect(actions!.paragraphs[0]).toContain('整改状态：整改中；单位答复：已安排');
  });

  it('prints one 情况表 per project with the entered forecast, not the hint', () => {
    const [first, second] = statementGrids(statement);
    const texts = first!.rows.flat().map((c) => c.text);
    expect(texts).toContain('0.07');
    expect(texts).toContain('完成目标可能性');
    expect(second!.rows.flat().some((c) => c.text === '0.20')).toBe(true);
  });
});
