import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { PAGE, STYLES } from '../docx/styles.ts';
import { fontBytes } from '../pdf/fonts.ts';
import { writeReportDocx } from '../reports/write-reports-docx.ts';
import { writeReportPdf } from '../reports/write-reports-pdf.ts';
import { reportSections, reportTitle } from './report-text.ts';
import { statementGrids, statementSummary, statementTitle } from './statement-grid.ts';
import type { MonitoringStatement } from './types.ts';

/** The 绩效监控情况表 as .docx: the reports' grid writer, A4 landscape, one project per page. */
export function writeStatementDocx(statement: MonitoringStatement): Promise<Buffer> {
  return writeReportDocx(statementTitle(statement), statementSummary(statement), statementGrids(statement), true);
}

export function writeStatementPdf(statement: MonitoringStatement): Promise<Buffer> {
  return writeReportPdf(statementTitle(statement), statementSummary(statement), statementGrids(statement), true);
}

/** The 监控报告 as .docx: a title, then each section's heading and paragraphs (first-line indent, as official text). */
export async function writeMonitoringReportDocx(statement: MonitoringStatement): Promise<Buffer> {
  const children = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(reportTitle(statement))],
    }),
    ...reportSections(statement).flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }),
      ...section.paragraphs.map((text) => new Paragraph({ indent: { firstLine: 560 }, children: [new TextRun(text)] })),
    ]),
  ];
  const document = new Document({
    creator: 'Jixiao',
    title: reportTitle(statement),
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

const MARGIN = 56.7;

/** The 监控报告 as PDF, A4 portrait, with the embedded Noto Serif SC the other PDFs use. */
export function writeMonitoringReportPdf(statement: MonitoringStatement): Promise<Buffer> {
  const title = reportTitle(statement);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: title, Creator: 'Jixiao', Producer: 'Jixiao (pdfkit)' },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  doc.font('bold').fontSize(16).text(title, { align: 'center' });
  for (const section of reportSections(statement)) {
    doc.moveDown(0.8).font('bold').fontSize(13).text(section.heading);
    for (const text of section.paragraphs) {
      doc.moveDown(0.3).font('regular').fontSize(11).text(text, { indent: 22, lineGap: 3 });
    }
  }
  doc.end();
  return done;
}
