import type { Grid, GridFile } from './grid.ts';
import { type RawCell, cleanCellText, makeGrid } from './grid-cells.ts';

/** A line that names a performance table or its header: what makes a run of short lines worth reading as a table. */
const TABLE_LABEL = /绩效目标表|绩效自评表|监控表|评价指标|一级指标|二级指标|三级指标|指标值|项目名称|绩效指标/;
/** Word pastes each cell of a table as its own line; a cell is rarely longer than this. */
const SHORT_LINE = 60;
const MIN_STREAM_LINES = 6;

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?(\s*:?-{2,}:?\s*\|)+(\s*:?-{2,}:?\s*)?\|?\s*$/;

interface Block {
  kind: 'tab' | 'pipe';
  firstLine: number;
  rows: string[][];
}

/**
 * Text (a .txt, a paste) into grids: consecutive tab-separated lines form one grid, consecutive `|` rows
 * another (Markdown separator rows dropped); every other line is a paragraph. A run of short lines near a
 * table label is also given as a one-column 'lines' grid: that is how Word pastes a table, one cell per line.
 */
export function readTextGrids(text: string, fileName: string): GridFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (/\.csv$/i.test(fileName)) return csvFile(text.replace(/^\uFEFF/, ''), fileName);
  const grids: Grid[] = [];
  const paragraphs: string[] = [];
  let recent: string[] = [];
  let block: Block | null = null;
  const flush = (): void => {
    if (!block) return;
    grids.push(blockGrid(block, grids.length + 1, recent));
    recent = [];
    block = null;
  };
  lines.forEach((line, i) => {
    const kind = line.includes('\t') ? 'tab' : PIPE_ROW.test(line) ? 'pipe' : null;
    if (kind && block?.kind !== kind) flush();
    if (kind === 'pipe' && PIPE_SEPARATOR.test(line)) return;
    if (kind) {
      block ??= { kind, firstLine: i + 1, rows: [] };
      block.rows.push(kind === 'tab' ? line.split('\t') : pipeCells(line));
      return;
    }
    flush();
    const paragraph = cleanCellText(line);
    if (paragraph === '') return;
    paragraphs.push(paragraph);
    recent.push(paragraph);
  });
  flush();
  // Tables and line streams in the order they appear, numbered again.
  const ordered = [...grids, ...lineStreams(lines)].sort((a, b) => firstLine(a) - firstLine(b));
  return {
    fileName,
    kind: 'text',
    grids: ordered.map((grid, i) => ({ ...grid, index: i + 1, source: `第 ${i + 1} 个表格` })),
    paragraphs,
  };
}

function firstLine(grid: Grid): number {
  return grid.address.style === 'rc' ? (grid.address.firstLine ?? 0) : 0;
}

function blockGrid(block: Block, index: number, above: string[]): Grid {
  return makeGrid({
    index,
    source: `第 ${index} 个表格`,
    cells: block.rows.map((row) => row.map((text): RawCell => ({ text: cleanCellText(text), origin: 'own' }))),
    above,
    address: { style: 'rc', firstLine: block.firstLine },
  });
}

/** "| a | b \| c |" → ["a", "b | c"]. */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|'));
}

/**
 * Runs of at least MIN_STREAM_LINES short paragraph lines (blank lines inside kept as empty cells) that
 * contain, or follow, a table label line: each becomes a 'lines' grid, one line per row.
 */
function lineStreams(lines: string[]): Grid[] {
  const out: Grid[] = [];
  let start = -1;
  const close = (end: number): void => {
    let last = end;
    while (last > start && lines[last - 1]!.trim() === '') last--;
    const run = lines.slice(start, last);
    const before = previousLine(lines, start);
    const labelled = run.some((line) => TABLE_LABEL.test(line)) || TABLE_LABEL.test(before);
    if (run.filter((line) => line.trim() !== '').length >= MIN_STREAM_LINES && labelled) {
      out.push(
        makeGrid({
          index: 0,
          source: '',
          cells: run.map((line) => [{ text: cleanCellText(line), origin: 'own' }]),
          above: before === '' ? [] : [cleanCellText(before)],
          address: { style: 'rc', firstLine: start + 1 },
          shape: 'lines',
        }),
      );
    }
    start = -1;
  };
  lines.forEach((line, i) => {
    const fits = !line.includes('\t') && !PIPE_ROW.test(line) && line.trim().length <= SHORT_LINE;
    if (fits && start < 0 && line.trim() !== '') start = i;
    else if (!fits && start >= 0) close(i);
  });
  if (start >= 0) close(lines.length);
  return out;
}

function previousLine(lines: string[], index: number): string {
  for (let i = index - 1; i >= 0; i--) if (lines[i]!.trim() !== '') return lines[i]!;
  return '';
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. One grid for the whole file. */
function csvFile(text: string, fileName: string): GridFile {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
  const grids =
    rows.length === 0
      ? []
      : [
          makeGrid({
            index: 1,
            source: '第 1 个表格',
            cells: rows.map((cells) => cells.map((cell): RawCell => ({ text: cleanCellText(cell), origin: 'own' }))),
            above: [],
            address: { style: 'rc', firstLine: 1 },
          }),
        ];
  return { fileName, kind: 'text', grids, paragraphs: [] };
}
