import PDFDocument from 'pdfkit';
import { fontBytes } from '../pdf/fonts.ts';
import { type PdfSurface, drawTable } from '../pdf/pdf-table.ts';
import { evaluationGrids, evaluationTitle } from './evaluation-grid.ts';
import type { ReportTable } from './grid.ts';
import { monitoringGrids, monitoringTitle } from './monitoring-grid.ts';
import { evaluationSummary, monitoringSummary } from './summary.ts';
import type { EvaluationReport, MonitoringReport } from './types.ts';

/** The 自评表 as PDF, drawn from the same grids as the .docx by the targets' pdfkit table code (embedded Noto Serif SC). */
export async function writeEvaluationPdf(report: EvaluationReport): Promise<Buffer> {
  return writeReportPdf(evaluationTitle(report), evaluationSummary(report), evaluationGrids(report), false);
}

/** The 监控表 as PDF, A4 landscape. */
export async function writeMonitoringPdf(report: MonitoringReport): Promise<Buffer> {
  return writeReportPdf(monitoringTitle(report), monitoringSummary(report), monitoringGrids(report), true);
}

const A4 = { short: 595.28, long: 841.89 };
const MARGIN = 56.7;

/** Title, summary, then one grid per page: also the writer of the 审核意见表 (documents/review-opinion). */
export async function writeReportPdf(
  title: string,
  summary: string,
  tables: ReportTable[],
  landscape: boolean,
): Promise<Buffer> {
  const page = landscape ? { width: A4.long, height: A4.short } : { width: A4.short, height: A4.long };
  const doc = new PDFDocument({
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: title, Creator: 'Jixiao', Producer: 'Jixiao (pdfkit)' },
  });
  const done = collect(doc);
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  const width = page.width - 2 * MARGIN;
  const surface: PdfSurface = {
    doc,
    left: MARGIN,
    top: MARGIN,
    bottom: page.height - MARGIN,
    newPage: () => void doc.addPage(),
  };
  doc.font('bold').fontSize(16).text(title, MARGIN, MARGIN, { width, align: 'center' });
  doc
    .font('regular')
    .fontSize(11)
    .text(summary, MARGIN, doc.y + 8, { width });
  tables.forEach((table, i) => {
    if (i > 0) doc.addPage();
    const y = i === 0 ? doc.y + 16 : MARGIN;
    doc.font('bold').fontSize(14).text(table.title, MARGIN, y, { width, align: 'center' });
    doc
      .font('regular')
      .fontSize(10.5)
      .text(table.subtitle, MARGIN, doc.y + 2, { width, align: 'center' });
    drawTable(surface, table, doc.y + 6);
  });
  drawPageNumbers(doc, page, width);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function drawPageNumbers(doc: PDFKit.PDFDocument, page: { height: number }, width: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page: lift the margin while drawing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(10.5)
      .text(`— ${i + 1} —`, MARGIN, page.height - MARGIN / 2 - 6, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
