import ExcelJS from 'exceljs';
import type { TargetsDocument } from '../../domain/targets.ts';
import {
  BASIS_CHOICES,
  INDICATOR_HEADER,
  NO_PERCENT,
  PROJECT_HEADER,
  SHEETS,
  TEMPLATE_MONTHS,
  UNIT_LABELS,
} from './layout.ts';
import { BOLD, FONT, TITLE_FONT } from './style.ts';
import { addIndicatorsSheet, addOverallSheet, addProjectsSheet, checkpointMonths } from './write-data-sheets.ts';
import { addProjectSheet } from './write-project-sheet.ts';

/** Rows with drop-downs that the blank template offers for filling in. */
const TEMPLATE_ROWS = 500;

/**
 * A unit-year as a workbook: 总体目标, 项目 and 指标明细 (what an import reads back), one sheet per project
 * in the official layout (for printing), and 说明.
 */
export async function writeTargetsXlsx(document: TargetsDocument): Promise<Buffer> {
  const book = newBook();
  addOverallSheet(book, document);
  addProjectsSheet(book, document.projects, checkpointMonths(document.projects, TEMPLATE_MONTHS));
  addIndicatorsSheet(book, document.projects);
  document.projects.forEach((project, i) => addProjectSheet(book, document.unit, project, i + 1));
  addInstructionsSheet(book);
  return toBuffer(book);
}

/** The blank template for bulk entry: the same three data sheets, empty, with drop-downs; 说明 first. */
export async function writeTemplateXlsx(): Promise<Buffer> {
  const book = newBook();
  addInstructionsSheet(book);
  addOverallSheet(book, null, 20);
  addProjectsSheet(book, [], [...TEMPLATE_MONTHS], 50);
  addIndicatorsSheet(book, [], { templateRows: TEMPLATE_ROWS });
  return toBuffer(book);
}

function newBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jixiao';
  // A fixed date keeps two exports of the same document byte-comparable apart from the zip's own times.
  book.created = new Date(Date.UTC(2020, 0, 1));
  book.modified = book.created;
  return book;
}

async function toBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

const INSTRUCTIONS: string[] = [
  '本工作簿可由 Jixiao 导入（网页“上传”或命令 jixiao import 文件.xlsx）。导入只读取以下三个工作表，其他工作表（各项目的正式表样、本说明）仅供阅读和打印。',
  `1. 工作表“${SHEETS.overall}”：填写${UNIT_LABELS.code}、${UNIT_LABELS.name}、${UNIT_LABELS.year}；“序号/总体绩效目标/分项绩效目标”表每行一个目标；“保障措施/编号/内容”表每行一条措施，同一标题下的多条措施可重复标题或留空（沿用上一行）。`,
  `2. 工作表“${SHEETS.projects}”：每行一个项目，列为 ${PROJECT_HEADER.join('、')}，其后每列一个支出计划节点（表头如“3月底（%）”，可改为其他月份或增加列）。金额单位为元，最多两位小数；支出计划填累计百分数（填 60 表示 60%），列出节点但不填数值时写“${NO_PERCENT}”，留空表示该项目没有这个节点。绩效目标可写多行，每行一个目标。`,
  `3. 工作表“${SHEETS.indicators}”：每行一个指标，列为 ${INDICATOR_HEADER.join('、')}。项目编码须在“${SHEETS.projects}”中存在；一级、二级指标为空时沿用同一项目上一行的值。一级、二级和确定依据可从下拉列表选择（也接受“效果指标”等同义写法，按原文保存）；确定依据为 ${BASIS_CHOICES.join('、')}。`,
  '4. 指标值按文字填写，如“≥90%”“不少于2000人”“及时”；单元格已设为文本格式，避免 Excel 把 90% 变成 0.9。',
  '5. 导入出错时，提示会指出工作表和单元格（如：工作表“指标明细”单元格 E7：三级指标不能为空），整个文件不会被部分导入。',
];

function addInstructionsSheet(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet(SHEETS.instructions);
  sheet.getColumn(1).width = 110;
  sheet.getCell('A1').value = 'Jixiao 绩效目标工作簿 填写说明';
  sheet.getCell('A1').font = TITLE_FONT;
  INSTRUCTIONS.forEach((text, i) => {
    const cell = sheet.getCell(3 + i, 1);
    cell.value = text;
    cell.font = i === 0 ? BOLD : FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}
