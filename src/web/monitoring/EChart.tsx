import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { MonitoringChartOption } from './chart-options.ts';

// Renamed: ECharts' `use` registers parts; under its own name the react-hooks rules take it for React's use().
registerChartParts([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

/** Loaded on demand (it carries ECharts): only the charts monitoring draws. */
export default function EChart({
  option,
  height,
  testId,
}: {
  option: MonitoringChartOption;
  height: number;
  testId: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} style={{ height, width: '100%' }} data-testid={testId} />;
}
