import { describe, expect, it } from 'vitest';
import type { Project } from '../../domain/targets.ts';
import { budgetChartOption, wrapLabel } from './budget-chart-option.ts';

const labels = { fiscal: '财政资金', other: '其他资金', total: '预算数', unit: '元' };
const project = (name: string, total: string, fiscal: string | null, other: string | null) =>
  ({ code: name, name, budget: { total, fiscal, other } }) as Project;

describe('budgetChartOption', () => {
  const projects = [
    project('困难职工帮扶资金', '20000.00', '20000.00', null),
    project('其他', '1500.50', '1000.00', '500.50'),
  ];
  const option = budgetChartOption(projects, labels);
  const series = option.series as {
    name: string;
    data: number[];
    label?: { formatter: (p: { dataIndex: number }) => string };
  }[];

  it('stacks 财政资金 and 其他资金, first project on top, without animation', () => {
    expect(option.animation).toBe(false);
    expect(series.map((s) => s.name)).toEqual(['财政资金', '其他资金']);
    expect(series[0]!.data).toEqual([1000, 20000]);
    expect(series[1]!.data).toEqual([500.5, 0]);
  });

  it('labels each bar with its 预算数 from the decimal string', () => {
    expect(series[1]!.label!.formatter({ dataIndex: 1 })).toBe('20,000.00');
  });

  it('explains a bar in the tooltip with formatted amounts', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const text = formatter([{ dataIndex: 0 }]);
    expect(text).toContain('其他');
    expect(text).toContain('预算数：1,500.50 元');
    expect(text).toContain('其他资金：500.50 元');
  });
});

describe('wrapLabel', () => {
  it('breaks long names into lines', () => {
    expect(wrapLabel('提前下达2020年困难职工及劳模帮扶救助专项资金', 12)).toBe(
      '提前下达2020年困难职\n工及劳模帮扶救助专项资金',
    );
  });
});
