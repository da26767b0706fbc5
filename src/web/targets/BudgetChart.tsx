import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Project } from '../../domain/targets.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { budgetChartOption } from './budget-chart-option.ts';

// Renamed: ECharts' `use` registers parts; under its own name the react-hooks rules take it for React's use().
registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Loaded on demand (it carries ECharts). SVG keeps labels sharp in screenshots and prints. */
export default function BudgetChart({ projects }: { projects: Project[] }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const height = 80 + 64 * projects.length;

  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'svg' });
    chart.setOption(
      budgetChartOption(projects, {
        fiscal: t('chart.fiscal'),
        other: t('chart.other'),
        total: t('chart.total'),
        unit: t('chart.unit'),
      }),
    );
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [projects, t]);

  return <div ref={element} className="budget-chart" style={{ height }} data-testid="budget-chart" />;
}
