/**
 * A table as read from any file, before anything is interpreted (issue 15): the readers of .docx, .xlsx,
 * text and PDF each turn a file into grids of cell texts; the layout registry (src/documents/layouts) then
 * recognises tables by their labels, never by positions. Merged cells are filled down and across, so a
 * recogniser can read any row on its own; `origin` says which cells are copies.
 */
export interface Grid {
  /** 1-based, in reading order within the file (docx: body order, nested tables after their parent; xlsx: sheet order, then position). */
  index: number;
  /** For messages: "第 2 个表格" (docx, text, pdf) or "工作表“项目表”" (xlsx). */
  source: string;
  /** Cell texts, trimmed, runs of spaces collapsed, line breaks inside a cell kept as "\n"; every row as long as the longest. */
  rows: string[][];
  /**
   * Per cell, where its text comes from: 'own' for a real cell, 'merge' for a copy filled from a merged cell (gridSpan,
   * vMerge, an Excel merged range), 'pad' for a cell added to make rows equally long.
   */
  origin: CellOrigin[][];
  /** Text lines just above the table (title, "单位：万元"), in document order, nearest last; at most 6. */
  above: string[];
  /** How to name a cell to a person. */
  address: GridAddress;
  /** 'cells' for a real table; 'lines' for text pasted from Word with one cell per line (a single column to be read as a stream). */
  shape: 'cells' | 'lines';
}

export type CellOrigin = 'own' | 'merge' | 'pad';

export type GridAddress =
  /** Excel: row 0 / column 0 of the grid is `firstRow` / `firstColumn` (1-based) of `sheet`. */
  | { style: 'a1'; sheet: string; firstRow: number; firstColumn: number }
  /** Word, text, PDF: "第 r 行，第 c 列" of the table; `firstLine` is the text line (1-based) of row 0 when known. */
  | { style: 'rc'; firstLine?: number; page?: number };

/** Everything a file holds for the recogniser: its tables, and its paragraphs (to tell a narrative report from a table). */
export interface GridFile {
  fileName: string;
  kind: 'docx' | 'xlsx' | 'text' | 'pdf';
  grids: Grid[];
  /** Paragraph texts outside tables, in order (docx, text, pdf); empty for xlsx. */
  paragraphs: string[];
}

/** "第 2 个表格，第 3 行，第 4 列" or "工作表“项目表”D7": where a cell is, for a person. */
export function cellPlace(grid: Grid, row: number, column: number): string {
  const address = grid.address;
  if (address.style === 'a1') {
    return `工作表“${address.sheet}”${columnLetters(address.firstColumn + column)}${address.firstRow + row}`;
  }
  const line = address.firstLine === undefined ? '' : `（文本第 ${address.firstLine + row} 行）`;
  const page = address.page === undefined ? '' : `第 ${address.page} 页，`;
  return `${page}${grid.source}，第 ${row + 1} 行，第 ${column + 1} 列${line}`;
}

/** 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
