import type { WorkbenchProgress } from '../../contract/workbench.ts';
import type { MonitoringChartOption } from '../monitoring/chart-options.ts';

export const STAGES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'monitoringSubmitted',
  'evaluationFinal',
] as const satisfies readonly (keyof WorkbenchProgress)[];
export type Stage = (typeof STAGES)[number];

const COLORS: Record<Stage, string> = {
  draft: '#bfbfbf',
  submitted: '#e8a33d',
  reviewed: '#4a90c2',
  approved: '#2e7d32',
  monitoringSubmitted: '#6a4c93',
  evaluationFinal: '#9c1c1c',
};

/** The year's progress as horizontal bars, one per stage, in the stages' order (top to bottom). */
export function progressChartOption(
  progress: WorkbenchProgress,
  label: (stage: Stage) => string,
): MonitoringChartOption {
  const stages = [...STAGES].reverse(); // ECharts draws a category axis bottom-up
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, max: Math.max(progress.units, 1) },
    yAxis: { type: 'category', data: stages.map(label) },
    series: [
      {
        type: 'bar',
        data: stages.map((stage) => ({ value: progress[stage], itemStyle: { color: COLORS[stage] } })),
        label: { show: true, position: 'right' },
        barMaxWidth: 22,
      },
    ],
  };
}
