import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Project } from '../../domain/targets.ts';
import { formatYuan } from '../shared/format.ts';

export type BudgetChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface BudgetChartLabels {
  fiscal: string;
  other: string;
  total: string;
  unit: string;
}

const FISCAL_COLOR = '#b71c1c';
const OTHER_COLOR = '#e8a33d';

/** Breaks a long Chinese name into lines of `width` characters for the category axis. */
export function wrapLabel(text: string, width: number): string {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.join('\n');
}

/** Numbers for drawing only: every figure shown as text comes from the decimal strings. */
const drawn = (amount: string | null) => (amount === null ? 0 : Number(amount));

/** A horizontal stacked bar per project: 财政资金 + 其他资金, 预算数 printed at the bar's end. */
export function budgetChartOption(projects: Project[], labels: BudgetChartLabels): BudgetChartOption {
  const rows = [...projects].reverse(); // the first project on top
  const tooltip = (index: number) => {
    const p = rows[index];
    if (!p) return '';
    const line = (name: string, amount: string | null) => `${name}：${formatYuan(amount) || '—'} ${labels.unit}`;
    return [
      `<b>${escapeHtml(p.name)}</b>`,
      line(labels.total, p.budget.total),
      line(labels.fiscal, p.budget.fiscal),
      line(labels.other, p.budget.other),
    ].join('<br/>');
  };
  return {
    animation: false,
    grid: { left: 190, right: 110, top: 36, bottom: 24 },
    legend: { top: 0, data: [labels.fiscal, labels.other] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => tooltip(Array.isArray(params) ? (params[0]?.dataIndex ?? -1) : params.dataIndex),
    },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => value.toLocaleString('zh-CN') } },
    yAxis: {
      type: 'category',
      data: rows.map((p) => wrapLabel(p.name, 12)),
      axisLabel: { fontSize: 13, lineHeight: 18 },
    },
    series: [
      {
        name: labels.fiscal,
        type: 'bar',
        stack: 'budget',
        barMaxWidth: 32,
        itemStyle: { color: FISCAL_COLOR },
        data: rows.map((p) => drawn(p.budget.fiscal)),
      },
      {
        name: labels.other,
        type: 'bar',
        stack: 'budget',
        barMaxWidth: 32,
        itemStyle: { color: OTHER_COLOR },
        data: rows.map((p) => drawn(p.budget.other)),
        label: {
          show: true,
          position: 'right',
          color: '#333',
          formatter: ({ dataIndex }) => formatYuan(rows[dataIndex]?.budget.total ?? null),
        },
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
