import type { CellOrigin, Grid, GridFile } from '../tables/grid.ts';

/**
 * Grids written by hand for the recogniser's tests, as the grid readers give them: "<" is a merge copy of the cell
 * to the left, "^" of the cell above (their text filled in, origin 'merge'), anything else a cell of its own.
 * Values are our own, in the official forms' structure.
 */
export function grid(
  rows: string[][],
  options: { index?: number; above?: string[]; sheet?: string; shape?: Grid['shape'] } = {},
): Grid {
  const index = options.index ?? 1;
  const width = Math.max(...rows.map((row) => row.length));
  const texts: string[][] = [];
  const origin: CellOrigin[][] = [];
  rows.forEach((row, r) => {
    texts.push([]);
    origin.push([]);
    for (let c = 0; c < width; c += 1) {
      const cell = row[c];
      if (cell === '<' || cell === '^') {
        texts[r]!.push(cell === '<' ? texts[r]![c - 1]! : texts[r - 1]![c]!);
        origin[r]!.push('merge');
      } else {
        texts[r]!.push(cell ?? '');
        origin[r]!.push(cell === undefined ? 'pad' : 'own');
      }
    }
  });
  return {
    index,
    source: options.sheet ? `工作表“${options.sheet}”` : `第 ${index} 个表格`,
    rows: texts,
    origin,
    above: options.above ?? [],
    address: options.sheet
      ? { style: 'a1', sheet: options.sheet, firstRow: 1, firstColumn: 1 }
      : { style: 'rc', firstLine: 1 },
    shape: options.shape ?? 'cells',
  };
}

/** A one-column 'lines' grid: Word's plain-text copy, one cell per line. */
export function lines(texts: string[], above: string[] = []): Grid {
  return grid(
    texts.map((text) => [text]),
    { above, shape: 'lines' },
  );
}

export function file(grids: Grid[], paragraphs: string[] = [], kind: GridFile['kind'] = 'docx'): GridFile {
  const numbered = grids.map((g, i) =>
    g.address.style === 'rc' ? { ...g, index: i + 1, source: `第 ${i + 1} 个表格` } : { ...g, index: i + 1 },
  );
  return { fileName: 'test.docx', kind, grids: numbered, paragraphs };
}
