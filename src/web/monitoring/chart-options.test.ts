import { describe, expect, it } from 'vitest';
import type { ProjectMonitoringView, WarningView } from '../../contract/monitoring.ts';
import { countPieOption, rankingBarOption, spendingChartOption, warningsChartOption } from './chart-options.ts';

const month = (m: number, cumulative: string) => ({
  month: m,
  plannedPercent: `${m * 5}.00`,
  plannedAmount: `${m * 100}.00`,
  fiscal: '10.00',
  other: '0.00',
  spent: '10.00',
  cumulative,
  cumulativePercent: '1.00',
});
const project: ProjectMonitoringView = {
  code: 'P1',
  version: 1,
  name: '困难职工帮扶资金',
  initialBudget: '20000.00',
  adjustedBudget: null,
  entries: [],
  adjustments: [],
  months: Array.from({ length: 12 }, (_, i) => month(i + 1, `${(i + 1) * 10}.00`)),
  spentToDate: '60.00',
  executionRate: '0.30',
  forecastFullYear: null,
  indicators: [],
};
const labels = {
  plan: '计划累计支出',
  actual: '实际累计支出',
  monthly: '当月支出',
  yuan: '元',
  monthName: (m: number) => `${m}月`,
};

describe('monitoring charts', () => {
  it('draws plan for the whole year and actuals only up to the as-of month, without animation', () => {
    const option = spendingChartOption(project, 6, labels);
    expect(option.animation).toBe(false);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series[0]?.data).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
    expect(series[1]?.data).toEqual([10, 20, 30, 40, 50, 60, null, null, null, null, null, null]);
    expect((option.xAxis as { data: string[] }).data[0]).toBe('1月');
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 5 }])).toBe(
      '<b>6月</b><br/>计划累计支出：600.00 元（30.00%）<br/>实际累计支出：60.00 元（1.00%）<br/>当月支出：10.00 元',
    );
  });

  it('counts warnings per project and level', () => {
    const w = (project: string, level: WarningView['level']) => ({ project, level }) as WarningView;
    const option = warningsChartOption(
      [
        { code: 'A', name: '甲' },
        { code: 'B', name: '乙' },
        { code: 'C', name: '丙' },
      ],
      [w('A', '提示'), w('A', '警示'), w('C', '警示')],
      { 提示: '提示', 警示: '警示', 重点监控: '重点监控' },
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['丙', '甲']);
    expect((option.series as { data: number[] }[]).map((s) => s.data)).toEqual([
      [0, 1],
      [1, 1],
      [0, 0],
    ]);
  });

  it('leaves out empty slices and ranks bars best on top', () => {
    const pie = countPieOption([
      { name: '确定能', value: 10 },
      { name: '不可能', value: 0 },
    ]);
    expect((pie.series as { data: unknown[] }[])[0]?.data).toEqual([{ name: '确定能', value: 10 }]);
    const bars = rankingBarOption(
      [
        { label: '甲', value: 92.42 },
        { label: '乙', value: null },
        { label: '丙', value: 99 },
      ],
      '%',
    );
    expect((bars.yAxis as { data: string[] }).data).toEqual(['乙', '甲', '丙']);
  });
});
