import ExcelJS from 'exceljs';
import { AMOUNT_FORMAT } from '../xlsx/layout.ts';
import {
  BOLD,
  CENTER,
  FONT,
  HEADER_FILL,
  TITLE_FONT,
  amountCellValue,
  fitRowHeights,
  sheetName,
  styleDataCell,
} from '../xlsx/style.ts';
import { evaluationGrids, evaluationTitle } from './evaluation-grid.ts';
import type { ReportTable } from './grid.ts';
import { monitoringGrids, monitoringTitle } from './monitoring-grid.ts';
import { evaluationSummary, monitoringSummary } from './summary.ts';
import type { EvaluationReport, MonitoringReport } from './types.ts';

/** The 自评表 as a workbook: a 汇总 sheet (one row per project), then one sheet per project in the official layout. */
export async function writeEvaluationXlsx(report: EvaluationReport): Promise<Buffer> {
  const book = newBook(evaluationTitle(report));
  const summary = addSummarySheet(
    book,
    evaluationTitle(report),
    evaluationSummary(report),
    ['项目编码', '项目名称', '全年预算数', '全年执行数', '执行率（%）', '总分', '等级'],
    report.projects.map((p) => [
      p.code,
      p.name,
      amountCellValue(p.adjustedBudget),
      amountCellValue(p.spent),
      p.execution.rate,
      p.total.incomplete || !p.total.scorable ? null : p.total.score,
      !p.total.scorable ? '不可评分' : p.total.incomplete ? '数据不全' : (p.total.grade ?? ''),
    ]),
  );
  summary.getColumn(3).numFmt = AMOUNT_FORMAT;
  summary.getColumn(4).numFmt = AMOUNT_FORMAT;
  for (const c of [5, 6]) summary.getColumn(c).numFmt = '0.00';
  for (const table of evaluationGrids(report)) addGridSheet(book, table);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The 监控表 as a workbook: a 汇总 sheet, then one landscape sheet per project. */
export async function writeMonitoringXlsx(report: MonitoringReport): Promise<Buffer> {
  const book = newBook(monitoringTitle(report));
  const summary = addSummarySheet(
    book,
    monitoringTitle(report),
    monitoringSummary(report),
    [
      '项目编码',
      '项目名称',
      '年初预算数',
      '调整后预算数',
      `1-${report.asOfMonth}月执行数`,
      '执行率（%）',
      '全年预计执行数',
    ],
    report.projects.map((p) => [
      p.code,
      p.name,
      amountCellValue(p.initialBudget),
      amountCellValue(p.adjustedBudget ?? p.initialBudget),
      amountCellValue(p.spentToDate),
      p.executionRate === null ? null : Number(p.executionRate),
      amountCellValue(p.forecastFullYear),
    ]),
  );
  for (const c of [3, 4, 5, 7]) summary.getColumn(c).numFmt = AMOUNT_FORMAT;
  summary.getColumn(6).numFmt = '0.00';
  for (const table of monitoringGrids(report)) addGridSheet(book, table);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook of grids, one sheet each, no summary sheet (the 部门整体自评表 is one form). */
export async function writeGridXlsx(title: string, tables: ReportTable[]): Promise<Buffer> {
  const book = newBook(title);
  for (const table of tables) addGridSheet(book, table);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function newBook(title: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao';
  book.title = title;
  // A fixed date keeps the bytes of two exports of the same data equal.
  book.created = new Date(0);
  book.modified = new Date(0);
  return book;
}

type Value = string | number | null;

function addSummarySheet(
  book: ExcelJS.Workbook,
  title: string,
  line: string,
  headers: string[],
  rows: Value[][],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet('汇总', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [
    { width: 22 },
    { width: 30 },
    { width: 16 },
    { width: 16 },
    { width: 14 },
    { width: 16 },
    { width: 16 },
  ];
  sheet.mergeCells(1, 1, 1, headers.length);
  Object.assign(sheet.getCell(1, 1), { value: title, font: TITLE_FONT, alignment: CENTER });
  sheet.mergeCells(2, 1, 2, headers.length);
  Object.assign(sheet.getCell(2, 1), { value: line, font: FONT });
  sheet.getRow(3).values = headers;
  sheet.getRow(3).eachCell((c) => Object.assign(c, { font: BOLD, fill: HEADER_FILL, alignment: CENTER }));
  rows.forEach((values, i) => {
    sheet.getRow(4 + i).values = values;
  });
  for (let r = 3; r <= 3 + rows.length; r++) {
    for (let c = 1; c <= headers.length; c++)
      sheet.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  }
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return sheet;
}

/** Twips to Excel column width (characters of the default font, about 5.6 pt each). */
const columnWidth = (twips: number): number => Math.max(6, Math.round((twips / 20 / 5.6) * 10) / 10);

/** One project's grid on its own sheet: title rows, then the grid with its horizontal and vertical merges. */
function addGridSheet(book: ExcelJS.Workbook, table: ReportTable): void {
  const sheet = book.addWorksheet(sheetName(table.sheet), {
    pageSetup: {
      paperSize: 9,
      orientation: table.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
  });
  const columns = table.columnWidths.length;
  sheet.columns = table.columnWidths.map((w) => ({ width: columnWidth(w) }));
  sheet.mergeCells(1, 1, 1, columns);
  Object.assign(sheet.getCell(1, 1), { value: table.title, font: TITLE_FONT, alignment: CENTER });
  sheet.mergeCells(2, 1, 2, columns);
  Object.assign(sheet.getCell(2, 1), { value: table.subtitle, font: FONT, alignment: CENTER });
  const top = 3;
  table.rows.forEach((cells, r) => {
    for (const spec of cells) {
      const row = top + r;
      const target = sheet.getCell(row, spec.gridFrom + 1);
      if (spec.merge === 'continue') continue;
      const bottom = spec.merge === 'restart' ? row + mergeDepth(table, r, spec.gridFrom) : row;
      if (bottom > row || spec.gridTo > spec.gridFrom)
        sheet.mergeCells(row, spec.gridFrom + 1, bottom, spec.gridTo + 1);
      target.value =
        spec.amount !== undefined ? amountCellValue(spec.amount) : spec.number !== undefined ? spec.number : spec.text;
      if (spec.amount !== undefined) target.numFmt = AMOUNT_FORMAT;
      if (spec.number !== undefined) target.numFmt = '0.00';
    }
  });
  const last = top + table.rows.length - 1;
  for (let r = top + 1; r <= last; r++) {
    for (let c = 1; c <= columns; c++) styleDataCell(sheet.getCell(r, c));
  }
  table.rows.forEach((cells, r) => {
    for (const spec of cells) {
      const target = sheet.getCell(top + r, spec.gridFrom + 1);
      if (spec.label) target.font = BOLD;
      target.alignment = { vertical: 'middle', wrapText: true, horizontal: spec.align ?? 'center' };
    }
  });
  fitRowHeights(sheet, top, last);
  sheet.getRow(1).height = 24;
  sheet.pageSetup.printTitlesRow = `${top + table.headerRow}:${top + table.headerRow}`;
}

/** Rows a 'restart' cell at row r extends over below it. */
function mergeDepth(table: ReportTable, r: number, gridFrom: number): number {
  let depth = 0;
  while (table.rows[r + depth + 1]?.some((c) => c.merge === 'continue' && c.gridFrom === gridFrom)) depth += 1;
  return depth;
}
