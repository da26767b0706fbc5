import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { MonitoringChartOption } from './chart-options.ts';

const EChart = lazy(() => import('./EChart.tsx'));

export function LazyChart(props: { option: MonitoringChartOption; height: number; testId: string }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height }} />}>
      <EChart {...props} />
    </Suspense>
  );
}
