import { describe, expect, it } from 'vitest';
import { buildSelfReport } from '../../domain/self-report/report.ts';
import { reportFacts } from '../../domain/self-report/test-fixtures.ts';
import { readZipSafely } from '../zip-guard.ts';
import { reportCharts } from './chart-images.ts';
import { writeSelfReportDocx, writeSelfReportPdf } from './index.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const report = () => buildSelfReport(reportFacts(), { project: 'P001' }, new Map());

describe('the printed 自评报告', () => {
  it('renders both charts server-side: echarts SSR → SVG with the Chinese labels → PNG at twice the size', () => {
    const { spending, completion } = reportCharts(report());
    expect(spending.svg).toMatch(/^<svg/);
    expect(spending.svg).toContain('计划支出');
    expect(completion.svg).toContain('未完成');
    for (const image of [spending, completion]) {
      expect(image.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // Width in the IHDR chunk: 2 × 640 px. A chart with glyphs drawn is far above a blank PNG's size.
      expect(image.png.readUInt32BE(16)).toBe(1280);
      expect(image.png.length).toBeGreaterThan(15_000);
    }
  });

  it('the .docx has real headings, both charts as images and the indicators table', async () => {
    const parts = await readZipSafely(await writeSelfReportDocx(report()), { fileName: 'r.docx' });
    const xml = parts.get('word/document.xml')!.toString('utf8');
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(5);
    for (const heading of [
      '一、基本情况',
      '二、绩效目标及完成情况',
      '三、偏差原因分析',
      '四、存在问题及改进措施',
      '五、结果应用',
    ]) {
      expect(xml).toContain(heading);
    }
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('帮扶覆盖率');
    const media = [...parts.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    expect(parts.get(media[0]!)!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('the PDF embeds the charts and an outline entry per section', async () => {
    const pdf = (await writeSelfReportPdf(report())).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Subtype \/Image/g)!.length).toBeGreaterThanOrEqual(2);
    expect(pdf).toContain('/Outlines');
  });
});
