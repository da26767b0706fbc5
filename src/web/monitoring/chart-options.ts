import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ProjectMonitoringView, WarningView } from '../../contract/monitoring.ts';
import { formatYuan } from '../shared/format.ts';

export type MonitoringChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export const LEVEL_COLORS = { 提示: '#e8a33d', 警示: '#d9480f', 重点监控: '#9c1c1c' } as const;
const PLAN_COLOR = '#8c8c8c';
const ACTUAL_COLOR = '#b71c1c';

/** Numbers for drawing only: every figure shown as text comes from the decimal strings. */
const drawn = (amount: string | null) => (amount === null ? null : Number(amount));

export interface SpendingLabels {
  plan: string;
  actual: string;
  monthly: string;
  yuan: string;
  monthName: (month: number) => string;
}

/** Cumulative actual vs plan by month-end (lines) with each month's own spending (bars); actual stops at asOfMonth. */
export function spendingChartOption(
  project: ProjectMonitoringView,
  asOfMonth: number,
  labels: SpendingLabels,
): MonitoringChartOption {
  const months = project.months;
  const tooltip = (index: number) => {
    const m = months[index];
    if (!m) return '';
    const planned =
      m.plannedAmount === null ? '—' : `${formatYuan(m.plannedAmount)} ${labels.yuan}（${m.plannedPercent}%）`;
    const actual =
      m.month > asOfMonth ? '—' : `${formatYuan(m.cumulative)} ${labels.yuan}（${m.cumulativePercent ?? '—'}%）`;
    return [
      `<b>${labels.monthName(m.month)}</b>`,
      `${labels.plan}：${planned}`,
      `${labels.actual}：${actual}`,
      `${labels.monthly}：${formatYuan(m.spent)} ${labels.yuan}`,
    ].join('<br/>');
  };
  return {
    animation: false,
    grid: { left: 80, right: 24, top: 40, bottom: 32 },
    legend: { top: 0, data: [labels.plan, labels.actual, labels.monthly] },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => tooltip(Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex),
    },
    xAxis: { type: 'category', data: months.map((m) => labels.monthName(m.month)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => value.toLocaleString('zh-CN') } },
    series: [
      {
        name: labels.plan,
        type: 'line',
        data: months.map((m) => drawn(m.plannedAmount)),
        lineStyle: { type: 'dashed', color: PLAN_COLOR },
        itemStyle: { color: PLAN_COLOR },
      },
      {
        name: labels.actual,
        type: 'line',
        data: months.map((m) => (m.month > asOfMonth ? null : drawn(m.cumulative))),
        lineStyle: { width: 3, color: ACTUAL_COLOR },
        itemStyle: { color: ACTUAL_COLOR },
      },
      {
        name: labels.monthly,
        type: 'bar',
        barMaxWidth: 18,
        data: months.map((m) => (m.month > asOfMonth ? null : drawn(m.spent))),
        itemStyle: { color: '#f2b8b5' },
      },
    ],
  };
}

/** Warnings per project, stacked by level, one horizontal bar per project that has any. */
export function warningsChartOption(
  projects: { code: string; name: string }[],
  warnings: WarningView[],
  levelNames: Record<keyof typeof LEVEL_COLORS, string>,
): MonitoringChartOption {
  const rows = projects.filter((p) => warnings.some((w) => w.project === p.code)).reverse();
  const levels = Object.keys(LEVEL_COLORS) as (keyof typeof LEVEL_COLORS)[];
  return {
    animation: false,
    grid: { left: 180, right: 24, top: 32, bottom: 24 },
    legend: { top: 0, data: levels.map((l) => levelNames[l]) },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((p) => shorten(p.name, 14)) },
    series: levels.map((level) => ({
      name: levelNames[level],
      type: 'bar',
      stack: 'warnings',
      barMaxWidth: 24,
      itemStyle: { color: LEVEL_COLORS[level] },
      data: rows.map((p) => warnings.filter((w) => w.project === p.code && w.level === level).length),
    })),
  };
}

/** A pie of labelled counts (likelihoods, grades); empty slices are left out. */
export function countPieOption(slices: { name: string; value: number; color?: string }[]): MonitoringChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        label: { formatter: '{b} {c}' },
        data: slices
          .filter((s) => s.value > 0)
          .map((s) => ({ name: s.name, value: s.value, ...(s.color ? { itemStyle: { color: s.color } } : {}) })),
      },
    ],
  };
}

/** A ranked horizontal bar (units by execution rate or score), best on top. */
export function rankingBarOption(rows: { label: string; value: number | null }[], unit: string): MonitoringChartOption {
  const ordered = [...rows].sort((a, b) => (a.value ?? -1) - (b.value ?? -1));
  return {
    animation: false,
    grid: { left: 200, right: 60, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}${unit}`),
    },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ordered.map((r) => shorten(r.label, 16)) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: ACTUAL_COLOR },
        data: ordered.map((r) => r.value),
        label: { show: true, position: 'right', formatter: (p) => `${String(p.value)}${unit}` },
      },
    ],
  };
}

function shorten(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
