import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type FileChild,
} from 'docx';
import { FONT, PAGE, SIZE, STYLES } from '../docx/styles.ts';
import { evaluationGrids, evaluationTitle } from './evaluation-grid.ts';
import type { ReportCell, ReportTable } from './grid.ts';
import { monitoringGrids, monitoringTitle } from './monitoring-grid.ts';
import { evaluationSummary, monitoringSummary } from './summary.ts';
import type { EvaluationReport, MonitoringReport } from './types.ts';

/** The 自评表 of a unit-year as .docx: a summary line, then one table per project, each on its own A4 page. */
export async function writeEvaluationDocx(report: EvaluationReport): Promise<Buffer> {
  return writeReportDocx(evaluationTitle(report), evaluationSummary(report), evaluationGrids(report), false);
}

/** The 监控表 as .docx, A4 landscape (ten columns do not fit a portrait page). */
export async function writeMonitoringDocx(report: MonitoringReport): Promise<Buffer> {
  return writeReportDocx(monitoringTitle(report), monitoringSummary(report), monitoringGrids(report), true);
}

/** Title, summary, then one grid per page: also the writer of the 审核意见表 (documents/review-opinion). */
export async function writeReportDocx(
  title: string,
  summary: string,
  tables: ReportTable[],
  landscape: boolean,
): Promise<Buffer> {
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
    new Paragraph({ indent: { firstLine: 560 }, children: [new TextRun(summary)] }),
  ];
  tables.forEach((table, i) => {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        alignment: AlignmentType.CENTER,
        pageBreakBefore: i > 0,
        children: [new TextRun(table.title)],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        children: [new TextRun({ text: table.subtitle, font: FONT.table, size: SIZE.table })],
      }),
      wordTable(table),
    );
  });
  if (tables.length === 0) children.push(new Paragraph({ children: [new PageBreak()] }));
  const document = new Document({
    creator: 'Jixiao',
    title,
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape: both are given as for portrait.
            size: {
              width: PAGE.width,
              height: PAGE.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: PAGE.marginX, bottom: PAGE.marginX, left: PAGE.marginX, right: PAGE.marginX },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

function wordTable(table: ReportTable): Table {
  return new Table({
    rows: table.rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r === table.headerRow,
          cantSplit: true,
          children: cells.map((spec) => wordCell(spec, r < table.headerRow)),
        }),
    ),
    columnWidths: table.columnWidths,
    width: { size: table.columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

function wordCell(spec: ReportCell, keepNext: boolean): TableCell {
  const span = spec.gridTo - spec.gridFrom + 1;
  const alignment =
    spec.align === 'left' ? AlignmentType.LEFT : spec.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new TableCell({
    children: spec.text.split('\n').map(
      (line) =>
        new Paragraph({
          style: 'TableText',
          alignment,
          keepNext,
          children: line === '' ? [] : [new TextRun({ text: line, bold: spec.label === true })],
        }),
    ),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(spec.merge
      ? { verticalMerge: spec.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
      : {}),
    ...(spec.caption ? { borders: { top: NONE, left: NONE, right: NONE } } : {}),
  });
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.table, size: SIZE.table })],
      }),
    ],
  });
}
