import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import {
  type ChartOption,
  completionChartHeight,
  completionChartOption,
  spendingChartOption,
} from '../../domain/charts/self-report-charts.ts';
import type { SelfReport } from '../../domain/self-report/report.ts';

/** A chart as the printed report embeds it: the SVG echarts writes and its PNG (Word and PDF take the PNG). */
export interface ChartImage {
  svg: string;
  png: Buffer;
  /** CSS pixels of the SVG; the PNG is twice that, for print. */
  width: number;
  height: number;
}

const WIDTH = 640;
/** The same Noto Serif SC the PDFs embed (src/documents/pdf/fonts.ts): resvg has no system font to fall back on. */
const FONT_FILE = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';
const FONT_FAMILY = 'Noto Serif SC';

/** echarts' server-side renderer: no DOM, SVG string out, animation off in the options. */
function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, textStyle: { fontFamily: FONT_FAMILY } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function toImage(svg: string, width: number, height: number): ChartImage {
  const fontFile = createRequire(import.meta.url).resolve(FONT_FILE);
  const png = new Resvg(svg, {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: 2 },
  })
    .render()
    .asPng();
  return { svg, png, width, height };
}

/** The report's two charts, worded in Chinese like the rest of the printed report. */
export function reportCharts(report: SelfReport): { spending: ChartImage; completion: ChartImage } {
  const spendingHeight = 300;
  const spending = spendingChartOption(report.spending, {
    title: '资金支出进度（累计，占调整后预算）',
    planned: '计划支出',
    actual: '实际支出',
    month: (m) => `${m}月`,
  });
  const completionHeight = completionChartHeight(report.completion.length);
  const completion = completionChartOption(report.completion, {
    title: report.subject === null ? '各项目自评得分' : '绩效指标完成情况（得分率）',
    completion: '得分率',
    missed: '未完成',
    notScored: '未评分',
    unit: report.subject === null ? '分' : '%',
  });
  return {
    spending: toImage(chartSvg(spending, WIDTH, spendingHeight), WIDTH, spendingHeight),
    completion: toImage(chartSvg(completion, WIDTH, completionHeight), WIDTH, completionHeight),
  };
}
