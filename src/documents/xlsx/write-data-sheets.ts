import type { Workbook, Worksheet } from 'exceljs';
import { STANDARD_LEVEL1, STANDARD_LEVEL2 } from '../../domain/indicator-category.ts';
import type { Project, TargetsDocument } from '../../domain/targets.ts';
import {
  AMOUNT_FORMAT,
  BASIS_CHOICES,
  GOALS_HEADER,
  GOALS_TITLE,
  INDICATOR_HEADER,
  MEASURES_HEADER,
  MEASURES_TITLE,
  NO_PERCENT,
  PROJECT_HEADER,
  SHEETS,
  UNIT_LABELS,
  checkpointHeader,
} from './layout.ts';
import { BOLD, TITLE_FONT, amountCellValue, fitRowHeights, styleBlock, styleHeaderRow } from './style.ts';

/** The sheets an import reads back: 总体目标, 项目 and 指标明细. `null` writes them empty (the template). */

/** A4 landscape, as wide as the page, as long as it needs. */
const LANDSCAPE = { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

export function addOverallSheet(book: Workbook, document: TargetsDocument | null, templateRows = 0): Worksheet {
  const sheet = book.addWorksheet(SHEETS.overall, {
    pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 26 }, { width: 40 }, { width: 80 }];
  sheet.mergeCells('A1:C1');
  sheet.getCell('A1').value = '部门整体绩效目标';
  sheet.getCell('A1').font = TITLE_FONT;
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  const unitRows: [string, string | number | null][] = [
    [UNIT_LABELS.code, document?.unit.code ?? null],
    [UNIT_LABELS.name, document?.unit.name ?? null],
    [UNIT_LABELS.year, document?.fiscalYear ?? null],
  ];
  unitRows.forEach(([label, value], i) => {
    const row = sheet.getRow(2 + i);
    row.getCell(1).value = label;
    row.getCell(1).font = BOLD;
    // Unit codes are text: "001234" must keep its zeros.
    row.getCell(2).value = value;
    if (label !== UNIT_LABELS.year) row.getCell(2).numFmt = '@';
  });
  styleBlock(sheet, 2, 1, 4, 2);

  let r = 6;
  sheet.getCell(r, 1).value = GOALS_TITLE;
  sheet.getCell(r, 1).font = BOLD;
  const goalsHeader = sheet.getRow(++r);
  goalsHeader.values = [...GOALS_HEADER];
  styleHeaderRow(goalsHeader);
  const goals = document?.overall.goals ?? [];
  for (const goal of goals) sheet.getRow(++r).values = [goal.seq, goal.title, goal.detail];
  if (goals.length + templateRows > 0) styleBlock(sheet, r - goals.length + 1, 1, r + templateRows, 3);
  r += templateRows + 2;

  sheet.getCell(r, 1).value = MEASURES_TITLE;
  sheet.getCell(r, 1).font = BOLD;
  const measuresHeader = sheet.getRow(++r);
  measuresHeader.values = [...MEASURES_HEADER];
  styleHeaderRow(measuresHeader);
  const first = r + 1;
  for (const section of document?.overall.measures ?? []) {
    const top = r + 1;
    const items = section.items.length > 0 ? section.items : [{ label: '', text: '' }];
    for (const item of items) sheet.getRow(++r).values = [section.heading, item.label, item.text];
    // The heading spans its items, as in the published document; the reader gets its text in every row.
    if (r > top) sheet.mergeCells(top, 1, r, 1);
  }
  if (r + templateRows >= first) styleBlock(sheet, first, 1, r + templateRows, 3);
  fitRowHeights(sheet, 2, r);
  return sheet;
}

/** Months that head the checkpoint columns: every month some project lists, in order. */
export function checkpointMonths(projects: Project[], fallback: readonly number[]): number[] {
  const months = new Set(projects.flatMap((project) => project.spendingPlan.map((checkpoint) => checkpoint.month)));
  return months.size === 0 ? [...fallback] : [...months].sort((a, b) => a - b);
}

export function addProjectsSheet(book: Workbook, projects: Project[], months: number[], templateRows = 0): Worksheet {
  const sheet = book.addWorksheet(SHEETS.projects, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: LANDSCAPE,
  });
  sheet.columns = [
    { width: 24 },
    { width: 30 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 30 },
    { width: 50 },
    ...months.map(() => ({ width: 12 })),
  ];
  const header = sheet.getRow(1);
  header.values = [...PROJECT_HEADER, ...months.map(checkpointHeader)];
  styleHeaderRow(header);
  projects.forEach((project, i) => {
    const percents = months.map((month) => {
      const checkpoint = project.spendingPlan.find((c) => c.month === month);
      if (!checkpoint) return null;
      return checkpoint.cumulativePercent ?? NO_PERCENT;
    });
    sheet.getRow(2 + i).values = [
      project.code,
      project.name,
      amountCellValue(project.budget.total),
      amountCellValue(project.budget.fiscal),
      amountCellValue(project.budget.other),
      project.purpose,
      project.goals.join('\n'),
      ...percents,
    ];
  });
  const last = 1 + projects.length + templateRows;
  if (last >= 2) styleBlock(sheet, 2, 1, last, PROJECT_HEADER.length + months.length);
  for (let r = 2; r <= Math.max(last, 2); r++) {
    sheet.getCell(r, 1).numFmt = '@';
    for (const c of [3, 4, 5]) sheet.getCell(r, c).numFmt = AMOUNT_FORMAT;
  }
  fitRowHeights(sheet, 2, 1 + projects.length);
  return sheet;
}

export interface IndicatorSheetOptions {
  /** Empty rows with drop-downs below the data (the template has only these). */
  templateRows?: number;
}

export function addIndicatorsSheet(
  book: Workbook,
  projects: Project[],
  options: IndicatorSheetOptions = {},
): Worksheet {
  const sheet = book.addWorksheet(SHEETS.indicators, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: LANDSCAPE,
  });
  sheet.columns = [
    { width: 24 },
    { width: 26 },
    { width: 14 },
    { width: 18 },
    { width: 24 },
    { width: 40 },
    { width: 14 },
    { width: 16 },
  ];
  const header = sheet.getRow(1);
  header.values = [...INDICATOR_HEADER];
  styleHeaderRow(header);
  let r = 1;
  for (const project of projects) {
    for (const indicator of project.indicators) {
      sheet.getRow(++r).values = [
        project.code,
        project.name,
        indicator.level1,
        indicator.level2,
        indicator.name,
        indicator.description,
        indicator.target.raw,
        indicator.basis,
      ];
    }
  }
  const last = r + (options.templateRows ?? 0);
  if (last >= 2) styleBlock(sheet, 2, 1, last, INDICATOR_HEADER.length);
  addIndicatorValidation(sheet, 2, Math.max(last, 2));
  fitRowHeights(sheet, 2, r);
  return sheet;
}

const LEVEL2_NAMES = [...new Set(Object.values(STANDARD_LEVEL2).flatMap((names) => names.map((entry) => entry.name)))];

/**
 * Drop-downs for 一级, 二级 and 依据. They only warn (errorStyle 'warning'): documents use synonyms such as
 * 效果指标, which the importer accepts and keeps as written. 指标值 and 编码 are text cells, so that "90%" is
 * not turned into 0.9 and "001" keeps its zeros.
 */
function addIndicatorValidation(sheet: Worksheet, first: number, last: number): void {
  const list = (names: readonly string[], title: string) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${names.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: title,
    error: `建议从下拉列表中选择${title}`,
  });
  const level1 = list(
    STANDARD_LEVEL1.map((entry) => entry.name),
    '一级指标',
  );
  const level2 = list(LEVEL2_NAMES, '二级指标');
  const basis = list(BASIS_CHOICES, '指标值确定依据');
  for (let r = first; r <= last; r++) {
    sheet.getCell(r, 1).numFmt = '@';
    sheet.getCell(r, 3).dataValidation = level1;
    sheet.getCell(r, 4).dataValidation = level2;
    sheet.getCell(r, 7).numFmt = '@';
    sheet.getCell(r, 8).dataValidation = basis;
  }
}
