import type { RawCell } from './grid-cells.ts';

/** A run of text on a page, in PDF space (y grows upwards); `size` is the font size. */
export interface TextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A stroked or filled shape's bounding box in PDF space: cell borders are rectangles or thin lines. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A table found on a page: its cells, the area it covers, and the text items used. */
export interface PageTable {
  cells: RawCell[][];
  area: Box;
  used: Set<TextItem>;
}

interface Segment {
  /** 'h': at y = at, from a to b along x; 'v': at x = at, from a to b along y. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

const THIN = 2.5;
const TOL = 1.5;

/**
 * Ruled tables (the borders drawn around cells, as Jixiao's own PDFs and Word's print have them) into grids:
 * the borders' distinct x and y positions make the column and row grid; two neighbouring slots with no border
 * between them are one merged cell (copies marked 'merge'); a text item belongs to the slot holding its centre.
 */
export function ruledTables(boxes: Box[], items: TextItem[]): PageTable[] {
  const segments = boxes.flatMap(segmentsOf);
  return components(segments).flatMap((group) => {
    const xs = distinct(group.filter((s) => s.dir === 'v').map((s) => s.at));
    const ys = distinct(group.filter((s) => s.dir === 'h').map((s) => s.at)).reverse();
    if (xs.length < 2 || ys.length < 2) return [];
    return [tableOf(group, xs, ys, items)];
  });
}

function segmentsOf(box: Box): Segment[] {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  if (w < THIN && h < THIN) return [];
  if (h < THIN) return [{ dir: 'h', at: (box.y0 + box.y1) / 2, a: box.x0, b: box.x1 }];
  if (w < THIN) return [{ dir: 'v', at: (box.x0 + box.x1) / 2, a: box.y0, b: box.y1 }];
  return [
    { dir: 'h', at: box.y0, a: box.x0, b: box.x1 },
    { dir: 'h', at: box.y1, a: box.x0, b: box.x1 },
    { dir: 'v', at: box.x0, a: box.y0, b: box.y1 },
    { dir: 'v', at: box.x1, a: box.y0, b: box.y1 },
  ];
}

function touches(s: Segment, t: Segment): boolean {
  if (s.dir === t.dir) return Math.abs(s.at - t.at) <= TOL && s.a <= t.b + TOL && t.a <= s.b + TOL;
  return s.a - TOL <= t.at && t.at <= s.b + TOL && t.a - TOL <= s.at && s.at <= t.b + TOL;
}

/** Segments that touch, transitively: one group per table. */
function components(segments: Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++) if (touches(segments[i]!, segments[j]!)) parent[find(i)] = find(j);
  const groups = new Map<number, Segment[]>();
  segments.forEach((segment, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), segment]));
  return [...groups.values()];
}

/** Sorted ascending, positions closer than TOL taken as one. */
function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const value of [...values].sort((a, b) => a - b))
    if (out.length === 0 || value - out[out.length - 1]! > TOL) out.push(value);
  return out;
}

function covered(group: Segment[], dir: 'h' | 'v', at: number, point: number): boolean {
  return group.some((s) => s.dir === dir && Math.abs(s.at - at) <= TOL && s.a - TOL <= point && point <= s.b + TOL);
}

function tableOf(group: Segment[], xs: number[], ys: number[], items: TextItem[]): PageTable {
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const slot = (r: number, c: number): number => r * columns + c;
  const root = Array.from({ length: rows * columns }, (_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  const join = (i: number, j: number): void => {
    const [a, b] = [find(i), find(j)].sort((p, q) => p - q);
    root[b!] = a!;
  };
  for (let r = 0; r < rows; r++) {
    const midY = (ys[r]! + ys[r + 1]!) / 2;
    for (let c = 0; c < columns; c++) {
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < columns && !covered(group, 'v', xs[c + 1]!, midY)) join(slot(r, c), slot(r, c + 1));
      if (r + 1 < rows && !covered(group, 'h', ys[r + 1]!, midX)) join(slot(r, c), slot(r + 1, c));
    }
  }
  const area: Box = { x0: xs[0]!, x1: xs[columns]!, y0: ys[rows]!, y1: ys[0]! };
  const texts = new Map<number, TextItem[]>();
  const used = new Set<TextItem>();
  for (const item of items) {
    const cx = item.x + item.width / 2;
    const cy = item.y + item.size * 0.3;
    const c = xs.findIndex((x, i) => i < columns && x <= cx && cx < xs[i + 1]!);
    const r = ys.findIndex((y, i) => i < rows && y >= cy && cy > ys[i + 1]!);
    if (c < 0 || r < 0) continue;
    used.add(item);
    const key = find(slot(r, c));
    texts.set(key, [...(texts.get(key) ?? []), item]);
  }
  const cells = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c): RawCell => {
      const key = find(slot(r, c));
      return { text: joinLines(texts.get(key) ?? []), origin: key === slot(r, c) ? 'own' : 'merge' };
    }),
  );
  return { cells, area, used };
}

/**
 * Items into text: by line (top first), left to right. A cell's wrapped lines are joined without a break,
 * as a person reads them (a space only between two Latin words).
 */
export function joinLines(items: TextItem[]): string {
  let text = '';
  for (const line of textLines(items)) {
    const part = line
      .map((item) => item.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (part === '') continue;
    text += text !== '' && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(part) ? ` ${part}` : part;
  }
  return text;
}

/** Items grouped into lines by their baseline (within a third of the font size), top line first. */
export function textLines(items: TextItem[]): TextItem[][] {
  const lines: TextItem[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - item.y) <= Math.max(1, line[0]!.size / 3)) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x));
}
