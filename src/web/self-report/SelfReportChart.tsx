import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use as registerChartParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { userDataCell } from '../shared/user-data.ts';
import type { ChartOption } from '../../domain/charts/self-report-charts.ts';

// Renamed: ECharts' `use` registers parts; under its own name the react-hooks rules take it for React's use().
registerChartParts([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** Loaded on demand (it carries ECharts): the 自评报告's charts from the options the server prints too. */
export default function SelfReportChart({
  option,
  height,
  testId,
}: {
  option: ChartOption;
  height: number;
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(option as EChartsCoreOption);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  // The axes name the user's projects and indicators (shortened by ECharts, so no longer the stored strings):
  // user data to the English walk, like the tables that print them in full.
  return <div ref={element} style={{ height, width: '100%' }} data-testid={testId} {...userDataCell()} />;
}
