import { type Grid, cellPlace } from '../tables/grid.ts';
import { streamRows } from './stream.ts';

/**
 * A grid as the recogniser reads it: rows of texts, which cells are merge copies, and how to name a cell. A
 * 'lines' grid (Word's plain-text copy of a table: one cell per line, a blank line after each row) is regrouped
 * into rows first, each cell remembering its line so that messages still point at the text the user has.
 */
export interface Sheet {
  grid: Grid;
  rows: string[][];
  /** True where the text is a copy filled from a merged cell. */
  copies: boolean[][];
  width: number;
  place(row: number, column: number): string;
  /** A line number for notes (1-based): the text line, the sheet row, or the table row. */
  line(row: number): number;
}

function toSheet(grid: Grid): Sheet {
  if (grid.shape === 'lines') return linesSheet(grid);
  const width = Math.max(0, ...grid.rows.map((row) => row.length));
  return {
    grid,
    rows: grid.rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]),
    copies: grid.origin.map((row) => row.map((origin) => origin === 'merge')),
    width,
    place: (row, column) => cellPlace(grid, row, column),
    line: (row) => gridLine(grid, row),
  };
}

function gridLine(grid: Grid, row: number): number {
  const address = grid.address;
  if (address.style === 'a1') return address.firstRow + row;
  return (address.firstLine ?? 1) + row;
}

/**
 * Blank lines end rows (a run of them is one break); a paste with no blank line at all is a stream whose rows are
 * rebuilt from the vocabulary (stream.ts). Each cell keeps the grid row it came from.
 */
function linesSheet(grid: Grid): Sheet {
  const tokens = grid.rows.map((cells) => cells[0] ?? '');
  if (!tokens.includes('')) {
    const rebuilt = streamRows(tokens);
    return linesOf(
      grid,
      rebuilt.map((row) => row.texts),
      rebuilt.map((row) => row.from),
    );
  }
  const rows: string[][] = [];
  const origins: number[][] = [];
  let current: string[] = [];
  let currentOrigins: number[] = [];
  grid.rows.forEach((cells, i) => {
    const text = cells[0] ?? '';
    if (text === '') {
      if (current.length > 0) {
        rows.push(current);
        origins.push(currentOrigins);
      }
      current = [];
      currentOrigins = [];
      return;
    }
    current.push(text);
    currentOrigins.push(i);
  });
  if (current.length > 0) {
    rows.push(current);
    origins.push(currentOrigins);
  }
  return linesOf(grid, rows, origins);
}

function linesOf(grid: Grid, rows: string[][], origins: number[][]): Sheet {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const sourceRow = (row: number, column: number): number =>
    origins[row]?.[Math.min(column, (origins[row]?.length ?? 1) - 1)] ?? 0;
  return {
    grid,
    rows: rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]),
    copies: rows.map(() => Array<boolean>(width).fill(false)),
    width,
    place: (row, column) => cellPlace(grid, sourceRow(row, column), 0),
    line: (row) => gridLine(grid, sourceRow(row, 0)),
  };
}

/**
 * Word's plain-text copy of a table as the seed writes it — each cell a line of its own after a tab, a blank line
 * after each row — reaches us as one small grid per table row (one column of cells after an empty one). Such
 * runs of grids are read as one sheet, a grid per row; a grid with text above it starts the next table.
 */
export function sheetsOf(grids: Grid[]): Sheet[] {
  const sheets: Sheet[] = [];
  let run: Grid[] = [];
  const flush = (): void => {
    if (run.length > 0) sheets.push(cellLinesSheet(run));
    run = [];
  };
  for (const grid of grids) {
    if (!isCellPerLine(grid)) {
      flush();
      sheets.push(toSheet(grid));
      continue;
    }
    if (grid.above.length > 0) flush();
    run.push(grid);
  }
  flush();
  return sheets;
}

function isCellPerLine(grid: Grid): boolean {
  return (
    grid.shape === 'cells' &&
    grid.address.style === 'rc' &&
    grid.rows.length > 0 &&
    grid.rows.every((row) => row.length === 2 && row[0] === '')
  );
}

function cellLinesSheet(run: Grid[]): Sheet {
  const first = run[0]!;
  const width = Math.max(...run.map((grid) => grid.rows.length));
  const rows = run.map((grid) => [
    ...grid.rows.map((row) => row[1]!),
    ...Array<string>(width - grid.rows.length).fill(''),
  ]);
  return {
    grid: { ...first, rows, origin: rows.map((row) => row.map(() => 'own' as const)) },
    rows,
    copies: rows.map(() => Array<boolean>(width).fill(false)),
    width,
    place: (row, column) => cellPlace(run[row]!, Math.min(column, run[row]!.rows.length - 1), 1),
    line: (row) => gridLine(run[row]!, 0),
  };
}
