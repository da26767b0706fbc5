import { STANDARD_LEVEL1, STANDARD_LEVEL2 } from '../../domain/indicator-category.ts';
import { TITLE_PATTERN } from './labels.ts';
import { executionField, executionRow, headerField, indicatorField, isLabel } from './vocabulary.ts';

/*
 * Text pasted from Word with one cell per line and nothing between rows: the cells are a stream of tokens, and rows
 * are rebuilt from the vocabulary — a label starts a label–value row, a run of indicator labels is the indicator
 * header, and under it a known 一级 or 二级 name starts a group whose remaining cells come in header-sized rows.
 */

const LEVEL1 = new Set(STANDARD_LEVEL1.flatMap((entry) => [entry.name, ...entry.synonyms]));
const LEVEL2 = new Set(
  Object.values(STANDARD_LEVEL2)
    .flat()
    .flatMap((entry) => [entry.name, ...entry.synonyms]),
);

/** Rows rebuilt from a stream of cell texts (empty lines dropped); each cell keeps the index of its token. */
export function streamRows(tokens: string[]): { texts: string[]; from: number[] }[] {
  const cells = tokens.map((text, index) => ({ text, index })).filter((cell) => cell.text !== '');
  const rows: { texts: string[]; from: number[] }[] = [];
  const push = (part: typeof cells): void => {
    rows.push({ texts: part.map((cell) => cell.text), from: part.map((cell) => cell.index) });
  };
  let i = 0;
  while (i < cells.length) {
    const header = run(cells, i, (text) => indicatorField(text) !== null);
    if (header >= 3 && cells.slice(i, i + header).some((cell) => indicatorField(cell.text) === 'name')) {
      push(cells.slice(i, i + header));
      i = indicatorRows(cells, i + header, cells.slice(i, i + header), push);
      continue;
    }
    const execution = run(cells, i, (text) => executionField(text) !== null);
    if (execution >= 2) {
      push([{ text: '', index: cells[i]!.index }, ...cells.slice(i, i + execution)]);
      i += execution;
      while (i < cells.length && executionRow(cells[i]!.text) !== null) {
        push(cells.slice(i, i + execution + 1));
        i += execution + 1;
      }
      continue;
    }
    let end = i + 1;
    if (isLabel(cells[i]!.text)) while (end < cells.length && !startsRow(cells[end]!.text)) end += 1;
    push(cells.slice(i, end));
    i = end;
  }
  return rows;
}

function startsRow(text: string): boolean {
  return isLabel(text) || TITLE_PATTERN.test(text);
}

function run(cells: { text: string }[], from: number, test: (text: string) => boolean): number {
  let end = from;
  while (end < cells.length && test(cells[end]!.text)) end += 1;
  return end - from;
}

/** Indicator rows under a header read from a stream; returns the index after the last one. */
function indicatorRows<C extends { text: string; index: number }>(
  cells: C[],
  start: number,
  header: C[],
  push: (part: C[]) => void,
): number {
  const nameAt = header.findIndex((cell) => indicatorField(cell.text) === 'name');
  const rest = header.length - nameAt;
  const fields = header.map((cell) => indicatorField(cell.text));
  let level1: C | null = null;
  let level2: C | null = null;
  let i = start;
  while (i < cells.length) {
    const text = cells[i]!.text;
    if (headerField(text) !== null || TITLE_PATTERN.test(text)) break;
    if (LEVEL1.has(text) && !(LEVEL2.has(text) && level1 !== null && !LEVEL2.has(level1.text))) {
      level1 = cells[i]!;
      level2 = null;
      i += 1;
      continue;
    }
    if (LEVEL2.has(text)) {
      level2 = cells[i]!;
      i += 1;
      continue;
    }
    const lead = fields.slice(0, nameAt).map((field): C => {
      const cell = field === 'level1' ? level1 : field === 'level2' ? level2 : null;
      return cell ?? ({ text: '', index: cells[i]!.index } as C);
    });
    push([...lead, ...cells.slice(i, i + rest)]);
    i += rest;
  }
  return i;
}
