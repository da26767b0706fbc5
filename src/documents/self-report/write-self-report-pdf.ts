import PDFDocument from 'pdfkit';
import type { SelfReport } from '../../domain/self-report/report.ts';
import { fontBytes } from '../pdf/fonts.ts';
import { type ChartImage, reportCharts } from './chart-images.ts';
import { type ReportTable, reportTable } from './report-table.ts';

const MARGIN = 56.7;
const PAD = 3;
type Pdf = InstanceType<typeof PDFDocument>;

/** The 自评报告 as PDF, A4 portrait, the embedded Noto Serif SC; the charts as the same PNGs Word gets. */
export function writeSelfReportPdf(report: SelfReport): Promise<Buffer> {
  const charts = reportCharts(report);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: report.title, Creator: 'Jixiao', Producer: 'Jixiao (pdfkit)' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  doc.font('bold').fontSize(16).text(report.title, { align: 'center' });
  for (const section of report.sections) {
    // An outline entry per section: PDF readers list them as Word lists the headings.
    doc.outline.addItem(section.heading);
    doc.moveDown(0.8).font('bold').fontSize(13).text(section.heading, { align: 'left' });
    for (const line of section.text.split('\n').filter((l) => l.trim() !== '')) {
      doc.moveDown(0.3).font('regular').fontSize(11).text(line.trim(), { indent: 22, lineGap: 3 });
    }
    if (section.key === 'goals') {
      drawChart(doc, charts.spending);
      drawChart(doc, charts.completion);
      drawTable(doc, reportTable(report));
    }
  }
  doc.end();
  return done;
}

function drawChart(doc: Pdf, image: ChartImage): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = (image.height * width) / image.width;
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  doc.image(image.png, MARGIN, doc.y + 8, { width, height });
  doc.y += height + 16;
  doc.x = MARGIN;
}

function drawTable(doc: Pdf, table: ReportTable): void {
  const width = doc.page.width - 2 * MARGIN;
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => (width * w) / total);
  const drawRow = (cells: string[], header: boolean): void => {
    doc.font(header ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(...cells.map((t, c) => doc.heightOfString(t, { width: widths[c]! - 2 * PAD }))) + 2 * PAD;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((text, c) => {
      doc.rect(x, top, widths[c]!, height).lineWidth(0.5).stroke();
      doc.text(text, x + PAD, top + PAD, { width: widths[c]! - 2 * PAD });
      x += widths[c]!;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  doc.moveDown(0.5);
  drawRow(table.header, true);
  for (const row of table.rows) drawRow(row, false);
}
