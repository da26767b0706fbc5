import type { Workbook, Worksheet } from 'exceljs';
import type { Project, Unit } from '../../domain/targets.ts';
import { AMOUNT_FORMAT } from './layout.ts';
import { BOLD, CENTER, TITLE_FONT, amountCellValue, fitRowHeights, sheetName, styleBlock } from './style.ts';

const COLUMNS = 7;
const INDICATOR_LABELS = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '', '指标值', '指标值确定依据'];

/**
 * One project in the official 项目绩效目标表 layout (as the seed prints it): unit and 单位：元, code and
 * name, 预算规模及资金用途, 资金支出计划（%）, 绩效目标, then the indicators with 一级/二级 merged where
 * they repeat. For people and printing; the importer reads the flat sheets instead.
 */
export function addProjectSheet(book: Workbook, unit: Unit, project: Project, seq: number): Worksheet {
  const title = `${seq}、${project.name}绩效目标表`;
  const sheet = book.addWorksheet(sheetName(`${seq}、${project.name}`), {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
    },
  });
  sheet.columns = [
    { width: 14 },
    { width: 14 },
    { width: 18 },
    { width: 16 },
    { width: 18 },
    { width: 14 },
    { width: 16 },
  ];
  merge(sheet, 1, 1, 1, COLUMNS, title);
  sheet.getCell(1, 1).font = TITLE_FONT;
  sheet.getCell(1, 1).alignment = CENTER;
  merge(sheet, 2, 1, 2, 5, `${unit.code}${unit.name}`);
  merge(sheet, 2, 6, 2, 7, '单位：元');
  sheet.getCell(2, 6).alignment = { horizontal: 'right' };

  sheet.getRow(3).values = ['项目编码', project.code, null, '项目名称', project.name];
  sheet.mergeCells(3, 2, 3, 3);
  sheet.mergeCells(3, 5, 3, 7);
  const { total, fiscal, other } = project.budget;
  sheet.getRow(4).values = [
    '预算规模及资金用途',
    '预算数',
    amountCellValue(total),
    '其中：财政资金',
    amountCellValue(fiscal),
    '其他资金',
    amountCellValue(other),
  ];
  for (const c of [3, 5, 7]) sheet.getCell(4, c).numFmt = AMOUNT_FORMAT;
  merge(sheet, 5, 2, 5, COLUMNS, project.purpose);
  sheet.mergeCells(4, 1, 5, 1);

  const end = writeSpendingPlan(sheet, project, 6);
  const goalsRow = end + 1;
  sheet.getCell(goalsRow, 1).value = '绩效目标';
  merge(sheet, goalsRow, 2, goalsRow, COLUMNS, project.goals.map((goal, i) => `${i + 1}、${goal}`).join('\n'));
  const headerRow = goalsRow + 1;
  sheet.getRow(headerRow).values = INDICATOR_LABELS;
  sheet.mergeCells(headerRow, 4, headerRow, 5);
  const last = writeIndicators(sheet, project, headerRow + 1);

  styleBlock(sheet, 3, 1, last, COLUMNS);
  for (let r = 3; r <= last; r++) sheet.getCell(r, 1).font = BOLD;
  sheet.getRow(headerRow).eachCell((cell) => {
    cell.font = BOLD;
    cell.alignment = CENTER;
  });
  fitRowHeights(sheet, 3, last);
  sheet.getRow(1).height = 24;
  return sheet;
}

function merge(sheet: Worksheet, top: number, left: number, bottom: number, right: number, value: string | null): void {
  sheet.mergeCells(top, left, bottom, right);
  sheet.getCell(top, left).value = value;
}

/** Months and percents in pairs of rows, six checkpoints to a pair, the label merged down the left. */
function writeSpendingPlan(sheet: Worksheet, project: Project, top: number): number {
  const plan = project.spendingPlan;
  const chunks = Math.max(1, Math.ceil(plan.length / (COLUMNS - 1)));
  for (let chunk = 0; chunk < chunks; chunk++) {
    const part = plan.slice(chunk * (COLUMNS - 1), (chunk + 1) * (COLUMNS - 1));
    const r = top + chunk * 2;
    part.forEach((checkpoint, i) => {
      sheet.getCell(r, 2 + i).value = `${checkpoint.month}月底`;
      sheet.getCell(r + 1, 2 + i).value = checkpoint.cumulativePercent;
      sheet.getCell(r + 1, 2 + i).numFmt = '0.00';
    });
  }
  const bottom = top + chunks * 2 - 1;
  sheet.mergeCells(top, 1, bottom, 1);
  sheet.getCell(top, 1).value = '资金支出计划（%）';
  return bottom;
}

/** Indicator rows; a run of equal 一级 (and of equal 一级+二级) becomes one vertically merged cell. */
function writeIndicators(sheet: Worksheet, project: Project, top: number): number {
  const rows = project.indicators;
  rows.forEach((indicator, i) => {
    const r = top + i;
    sheet.getRow(r).values = [
      indicator.level1,
      indicator.level2,
      indicator.name,
      indicator.description,
      null,
      indicator.target.raw,
      indicator.basis,
    ];
    sheet.mergeCells(r, 4, r, 5);
  });
  mergeRuns(
    sheet,
    top,
    rows.map((indicator) => indicator.level1),
    1,
  );
  mergeRuns(
    sheet,
    top,
    rows.map((indicator) => `${indicator.level1}\u0000${indicator.level2}`),
    2,
  );
  return top + Math.max(rows.length, 1) - 1;
}

function mergeRuns(sheet: Worksheet, top: number, keys: string[], column: number): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - 1 > start) sheet.mergeCells(top + start, column, top + i - 1, column);
    start = i;
  }
}
