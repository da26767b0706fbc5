import type { Facts } from './facts.ts';

/**
 * A corpus document as its form lays it out (issue 15, item 9): tables of cells written like HTML tables — each row
 * lists the cells that start in it, a cell spans rows and columns, covered places are left out — so that one
 * description gives a Word table with real vMerge/gridSpan, an Excel sheet with merged ranges, and text.
 */
export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export type CellInput = string | Cell;

export interface TableSpec {
  /** Text lines above the table, in order: title, "（2024年度）", "单位：万元". */
  above: string[];
  rows: CellInput[][];
  /**
   * .docx only: the table stops after row `afterRow` (0-based) and continues after a page break as a second table
   * that starts with the rows `repeat` again (a form printed over two pages, its header repeated).
   */
  pageBreak?: { afterRow: number; repeat: number[] };
  /** .docx only: the table sits inside a one-cell frame table (a nested table). */
  framed?: boolean;
  /** .xlsx: the sheet's name; tables with the same sheet go one below the other. */
  sheet?: string;
}

export type Format = 'docx' | 'xlsx' | 'text';

export interface CorpusDocument {
  /** File base name: "sichuan-integrated" → sichuan-integrated.docx, .xlsx, .txt. */
  id: string;
  facts: Facts;
  /** Paragraphs before the first table (a heading, a cover line). */
  intro: string[];
  tables: TableSpec[];
  /** How the text file writes rows: tab-separated, `| a | b |` pipe rows, or one cell per line (Word copy-paste). */
  text: 'tab' | 'pipe' | 'lines';
  /** .xlsx: where each sheet's first table starts (1-based, B3 = row 3, column 2) and a sheet placed before them. */
  xlsx: { row: number; column: number; leadingSheet?: { name: string; lines: string[] } };
  /** Money units the tables print (万元, 元, 千元): the corpus test checks each stated amount appears converted. */
  moneyUnit: '元' | '万元' | '千元';
}

/** A cell placed on the table's grid. */
export interface PlacedCell {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** Places the cells as an HTML table does; throws when rows do not fill the same width (a mistake in a spec). */
export function placeCells(rows: CellInput[][]): { cells: PlacedCell[]; width: number } {
  const taken: boolean[][] = rows.map(() => []);
  const cells: PlacedCell[] = [];
  rows.forEach((row, r) => {
    let column = 0;
    for (const input of row) {
      const cell = typeof input === 'string' ? { text: input } : input;
      while (taken[r]![column]) column += 1;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr += 1) {
        if (r + dr >= rows.length) throw new Error(`row ${r + 1}: "${cell.text}" spans past the table's end`);
        for (let dc = 0; dc < colSpan; dc += 1) taken[r + dr]![column + dc] = true;
      }
      cells.push({ row: r, column, rowSpan, colSpan, text: cell.text });
      column += colSpan;
    }
  });
  const widths = taken.map((row) => row.length);
  const width = Math.max(...widths);
  taken.forEach((row, r) => {
    if (row.length !== width || row.some((t) => !t))
      throw new Error(`row ${r + 1} covers ${row.filter(Boolean).length} of ${width} columns`);
  });
  return { cells, width };
}

/** The table as a full grid of texts: a merged cell's text in its first place, the places it covers empty. */
export function textGrid(rows: CellInput[][]): string[][] {
  const { cells, width } = placeCells(rows);
  const grid = rows.map(() => Array.from({ length: width }, () => ''));
  for (const cell of cells) grid[cell.row]![cell.column] = cell.text;
  return grid;
}

/** Indicator rows of a nested tree: 一级 merged over its rows, 二级 merged over its own, then the row's other cells. */
export function treeRows(
  indicators: { level1: string; level2: string; cells: CellInput[] }[],
  level2Columns = 1,
): CellInput[][] {
  return indicators.map((indicator, i) => {
    const previous = indicators[i - 1];
    const row: CellInput[] = [];
    if (previous?.level1 !== indicator.level1)
      row.push({ text: indicator.level1, rowSpan: runLength(indicators, i, (x) => x.level1) });
    if (previous?.level1 !== indicator.level1 || previous.level2 !== indicator.level2)
      row.push({
        text: indicator.level2,
        rowSpan: runLength(indicators, i, (x) => `${x.level1}\u0000${x.level2}`),
        colSpan: level2Columns,
      });
    return [...row, ...indicator.cells];
  });
}

function runLength<T>(items: T[], start: number, key: (item: T) => string): number {
  let end = start + 1;
  while (end < items.length && key(items[end]!) === key(items[start]!)) end += 1;
  return end - start;
}

/** A cell spanning `colSpan` columns (and optionally rows). */
export function span(text: string, colSpan: number, rowSpan = 1): Cell {
  return { text, colSpan, rowSpan };
}
