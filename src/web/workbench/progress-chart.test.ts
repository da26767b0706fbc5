import { describe, expect, it } from 'vitest';
import { routeOf } from './item-route.ts';
import { STAGES, progressChartOption } from './progress-chart.ts';

describe('workbench chart and links', () => {
  it('draws one bar per stage, first stage on top, scaled to the number of units', () => {
    const option = progressChartOption(
      { units: 4, draft: 1, submitted: 1, reviewed: 0, approved: 2, monitoringSubmitted: 1, evaluationFinal: 0 },
      (stage) => `label:${stage}`,
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(STAGES.map((s) => `label:${s}`).reverse());
    const series = (option.series as { data: { value: number }[] }[])[0]!;
    expect(series.data.map((d) => d.value)).toEqual([0, 1, 2, 0, 1, 1]);
    expect((option.xAxis as { max: number }).max).toBe(4);
  });

  it('opens each item on the page where the user acts', () => {
    const at = { unitCode: '711002', fiscalYear: 2020 };
    expect(routeOf({ ...at, page: 'targets' })).toEqual({ name: 'department', unitCode: '711002', year: 2020 });
    expect(routeOf({ ...at, page: 'review' }).name).toBe('review');
    expect(routeOf({ ...at, page: 'monitoring' }).name).toBe('monitoring');
    expect(routeOf({ ...at, page: 'evaluation' }).name).toBe('evaluation');
  });
});
