import { AppError } from '../../domain/errors.ts';
import type { CellOrigin, Grid, GridAddress } from './grid.ts';

/** A cell as a reader found it, before rows are made equally long. */
export interface RawCell {
  text: string;
  origin: CellOrigin;
}

/** Trimmed, runs of spaces (also full-width) collapsed, line breaks kept as "\n" and empty lines dropped. */
export function cleanCellText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A Grid from rows of raw cells: every row padded to the longest with 'pad' cells. */
export function makeGrid(parts: {
  index: number;
  source: string;
  cells: RawCell[][];
  above: string[];
  address: GridAddress;
  shape?: Grid['shape'];
}): Grid {
  const width = Math.max(0, ...parts.cells.map((row) => row.length));
  const padded = parts.cells.map((row) => [
    ...row,
    ...Array.from({ length: width - row.length }, (): RawCell => ({ text: '', origin: 'pad' })),
  ]);
  return {
    index: parts.index,
    source: parts.source,
    rows: padded.map((row) => row.map((cell) => cell.text)),
    origin: padded.map((row) => row.map((cell) => cell.origin)),
    above: parts.above.slice(-6),
    address: parts.address,
    shape: parts.shape ?? 'cells',
  };
}

export function badInput(fileName: string, reason: string): AppError {
  return new AppError('BAD_INPUT', `${fileName}：${reason}`, { location: { file: fileName } });
}
