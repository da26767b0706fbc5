import { describe, expect, it } from 'vitest';
import { completionChartHeight, completionChartOption, spendingChartOption } from './self-report-charts.ts';

const words = { title: 'T', completion: 'C', missed: '未完成', notScored: '未评分', unit: '%' };

describe('the 自评报告 chart options (one builder for web and server)', () => {
  it('plots cumulative plan % as a line and spent % as bars by month-end, animation off', () => {
    const option = spendingChartOption(
      [
        { month: 6, plannedPercent: 50, actualPercent: 40 },
        { month: 12, plannedPercent: null, actualPercent: 85 },
      ],
      { title: '进度', planned: '计划', actual: '实际', month: (m) => `${m}月` },
    );
    expect(option).toMatchObject({
      animation: false,
      xAxis: { data: ['6月', '12月'] },
      series: [
        { type: 'line', name: '计划', data: [50, null] },
        { type: 'bar', name: '实际', data: [40, 85] },
      ],
    });
  });

  it('caps a bar at 100 %, marks missed ones red and labelled, unscored ones grey', () => {
    const option = completionChartOption(
      [
        { label: '覆盖率', percent: 62.5, missed: true },
        { label: '人数', percent: 120, missed: false },
        { label: '满意度', percent: null, missed: false },
      ],
      words,
    );
    const series = (
      option['series'] as { data: { value: number; itemStyle: { color: string }; label: { formatter: string } }[] }[]
    )[0]!;
    // Drawn bottom-up: the first item is the last row.
    expect((option['yAxis'] as { data: string[] }).data).toEqual(['满意度', '人数', '覆盖率']);
    expect(series.data.map((d) => d.value)).toEqual([0, 100, 62.5]);
    expect(series.data.map((d) => d.label.formatter)).toEqual(['未评分', '120%', '62.5% 未完成']);
    expect(series.data[2]!.itemStyle.color).toBe('#c23531');
    expect(series.data[0]!.itemStyle.color).not.toBe(series.data[1]!.itemStyle.color);
    expect((option['xAxis'] as { max: number }).max).toBe(100);
  });

  it('grows the completion chart with its rows', () => {
    expect(completionChartHeight(1)).toBe(200);
    expect(completionChartHeight(20)).toBe(600);
  });
});
