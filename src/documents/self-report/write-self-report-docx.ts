import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { SelfReport } from '../../domain/self-report/report.ts';
import { PAGE, STYLES, TEXT_WIDTH } from '../docx/styles.ts';
import { type ChartImage, reportCharts } from './chart-images.ts';
import { reportTable } from './report-table.ts';

/** Twips per CSS pixel (1 px = 15 twips); Word's ImageRun sizes are in pixels at 96 dpi. */
const MAX_IMAGE_PX = Math.floor(TEXT_WIDTH / 15);

/**
 * The 自评报告 as .docx: a title, each section a real Heading 1 (Word's 导航窗格 and 目录 list them), its text as
 * first-line-indented paragraphs; under section 二 the charts (PNG, rendered from the web's ECharts options) and the
 * indicators' (or projects') table.
 */
export async function writeSelfReportDocx(report: SelfReport): Promise<Buffer> {
  const charts = reportCharts(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 240 }, children: [new TextRun(report.title)] }),
  ];
  for (const section of report.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT, text: section.heading }),
    );
    children.push(...paragraphs(section.text));
    if (section.key === 'goals') {
      children.push(chartParagraph(charts.spending), chartParagraph(charts.completion), indicatorTable(report));
    }
  }
  const document = new Document({
    creator: 'Jixiao',
    title: report.title,
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

function paragraphs(text: string): Paragraph[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => new Paragraph({ indent: { firstLine: 560 }, children: [new TextRun(line.trim())] }));
}

function chartParagraph(image: ChartImage): Paragraph {
  const scale = Math.min(1, MAX_IMAGE_PX / image.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
      }),
    ],
  });
}

function indicatorTable(report: SelfReport): Table {
  const table = reportTable(report);
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text, c) =>
          new TableCell({
            width: { size: widths[c]!, type: WidthType.DXA },
            children: [new Paragraph({ style: 'TableText', children: [new TextRun({ text, bold: header })] })],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(table.header, true), ...table.rows.map((cells) => row(cells, false))],
  });
}
