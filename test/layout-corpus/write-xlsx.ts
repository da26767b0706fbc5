import ExcelJS from 'exceljs';
import { placeCells, type CorpusDocument, type TableSpec } from './table.ts';

/**
 * A corpus document as an Excel workbook (exceljs): the document's title lines, then each table below its own, starting away from A1, merged
 * ranges for merged cells, numbers stored as numbers (a rate cell as a percentage-formatted number, as Excel users
 * type it), and optionally a sheet of notes before the tables.
 */
export async function corpusXlsx(document: CorpusDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const leading = document.xlsx.leadingSheet;
  if (leading) {
    const sheet = workbook.addWorksheet(leading.name);
    leading.lines.forEach((line, i) => (sheet.getCell(i + 1, 1).value = line));
  }
  const nextRow = new Map<string, number>();
  // The document's own title lines (where the year usually is) head the first table's sheet, as in a real workbook.
  const firstSheet = document.tables[0]?.sheet ?? '绩效目标表';
  if (document.intro.length > 0) {
    const sheet = workbook.getWorksheet(firstSheet) ?? workbook.addWorksheet(firstSheet);
    document.intro.forEach((line, i) => (sheet.getCell(document.xlsx.row + i, document.xlsx.column).value = line));
    nextRow.set(firstSheet, document.xlsx.row + document.intro.length + 1);
  }
  for (const table of document.tables) {
    const name = table.sheet ?? '绩效目标表';
    const sheet = workbook.getWorksheet(name) ?? workbook.addWorksheet(name);
    const top = nextRow.get(name) ?? document.xlsx.row;
    nextRow.set(name, writeTable(sheet, table, top, document.xlsx.column) + 2);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Writes the title lines and the table from `top`; returns the last row used. */
function writeTable(sheet: ExcelJS.Worksheet, table: TableSpec, top: number, left: number): number {
  const { cells, width } = placeCells(table.rows);
  table.above.forEach((line, i) => {
    sheet.getCell(top + i, left).value = line;
    sheet.mergeCells(top + i, left, top + i, left + width - 1);
  });
  const first = top + table.above.length;
  for (const cell of cells) {
    const target = sheet.getCell(first + cell.row, left + cell.column);
    setValue(target, cell.text);
    target.alignment = { wrapText: true, vertical: 'middle' };
    if (cell.rowSpan > 1 || cell.colSpan > 1)
      sheet.mergeCells(
        first + cell.row,
        left + cell.column,
        first + cell.row + cell.rowSpan - 1,
        left + cell.column + cell.colSpan - 1,
      );
  }
  return first + table.rows.length - 1;
}

/** "12.5" → the number 12.5; "96.00%" → 0.96 shown as 0.00%; anything else as text. */
function setValue(cell: ExcelJS.Cell, text: string): void {
  const percent = /^(\d+\.\d{2})%$/.exec(text);
  if (percent) {
    cell.value = Number(percent[1]) / 100;
    cell.numFmt = '0.00%';
  } else if (text !== '' && String(Number(text)) === text) {
    cell.value = Number(text);
  } else {
    cell.value = text;
  }
}
