import type { CompletionItem } from '../self-report/report.ts';
import type { SpendingPoint } from '../self-report/types.ts';

/*
 * ECharts options of the 自评报告's two charts, pure data (decision 046): the web passes them to echarts in the
 * browser, the server to echarts' SSR renderer, so the printed chart is the one on screen. They live in the domain,
 * not src/web, because src/documents may import only the domain; no echarts type is named, so the domain keeps no
 * package dependency.
 */
export type ChartOption = Record<string, unknown>;

interface SpendingChartWords {
  title: string;
  planned: string;
  actual: string;
  month: (month: number) => string;
}

interface CompletionChartWords {
  title: string;
  completion: string;
  missed: string;
  notScored: string;
  /** After each value: '%' for indicators' share of points, '分' for projects' scores (both 0–100). */
  unit: string;
}

const PALETTE = { planned: '#5470c6', actual: '#91cc75', done: '#3ba272', missed: '#c23531', none: '#bfbfbf' };

/** Cumulative plan % against spent % of the adjusted budget at each month-end in the plan or the ledger. */
export function spendingChartOption(points: readonly SpendingPoint[], words: SpendingChartWords): ChartOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: words.title, left: 'center', textStyle: { fontSize: 16 } },
    legend: { bottom: 0, data: [words.planned, words.actual] },
    grid: { left: 56, right: 24, top: 48, bottom: 56 },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') },
    xAxis: { type: 'category', data: points.map((p) => words.month(p.month)) },
    yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: words.planned,
        type: 'line',
        data: points.map((p) => p.plannedPercent),
        connectNulls: true,
        itemStyle: { color: PALETTE.planned },
      },
      {
        name: words.actual,
        type: 'bar',
        data: points.map((p) => p.actualPercent),
        barMaxWidth: 36,
        itemStyle: { color: PALETTE.actual },
      },
    ],
  };
}

/** The bar's length is capped at 100 %: a score never exceeds its weight, and over-spending must not look better. */
const DISPLAY_CAP = 100;

/** Each item's completion (points as % of the weight), missed ones red and labelled, unscored ones grey at 0. */
export function completionChartOption(items: readonly CompletionItem[], words: CompletionChartWords): ChartOption {
  const rows = [...items].reverse(); // a horizontal bar chart draws the first category at the bottom
  return {
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: words.title, left: 'center', textStyle: { fontSize: 16 } },
    grid: { left: 8, right: 64, top: 48, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: DISPLAY_CAP,
      axisLabel: { formatter: `{value}${words.unit}`, hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      data: rows.map((item) => shorten(item.label)),
      // A fixed label width keeps the bars readable on a phone; longer names end in an ellipsis.
      axisLabel: { fontSize: 11, width: 96, overflow: 'truncate' },
    },
    series: [
      {
        name: words.completion,
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((item) => ({
          value: item.percent === null ? 0 : Math.min(item.percent, DISPLAY_CAP),
          itemStyle: { color: item.percent === null ? PALETTE.none : item.missed ? PALETTE.missed : PALETTE.done },
          label: {
            show: true,
            position: 'right',
            formatter:
              item.percent === null
                ? words.notScored
                : `${item.percent}${words.unit}${item.missed ? ` ${words.missed}` : ''}`,
          },
        })),
      },
    ],
  };
}

/** The completion chart's height for its number of rows, so that labels never overlap. */
export const completionChartHeight = (rows: number): number => Math.max(200, 80 + rows * 26);

const shorten = (label: string): string => (label.length > 14 ? `${label.slice(0, 13)}…` : label);
