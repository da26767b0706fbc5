import { parseXmlSafely } from '../xml-guard.ts';
import { readZipSafely } from '../zip-guard.ts';
import {
  type WalkState,
  type XmlNode,
  attr,
  bodyOf,
  childrenOf,
  findChild,
  isTocControl,
  newWalkState,
  readParagraph,
  tagOf,
} from '../docx/docx-body.ts';
import type { GridFile } from './grid.ts';
import { type RawCell, badInput, cleanCellText, makeGrid } from './grid-cells.ts';

/** One w:tc as written: its text, how many grid columns it spans, and its part in a vertical merge. */
interface WordCell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | undefined;
}

interface WordRow {
  before: number;
  cells: WordCell[];
}

interface WordTable {
  columns: number;
  rows: WordRow[];
  above: string[];
}

/** What the walk collects: body paragraphs outside tables, tables in order (a nested one right after its parent). */
interface Collected {
  state: WalkState;
  paragraphs: string[];
  /** Non-empty paragraphs since the last table, for the next table's `above`. */
  recent: string[];
  tables: WordTable[];
}

/**
 * Every table of a .docx as a grid, in body order: w:gridSpan is filled across and w:vMerge down (the copies
 * marked 'merge'), w:gridBefore/w:gridAfter keep columns aligned with w:tblGrid, and a table inside a cell
 * becomes a grid of its own right after its parent. The zip and XML guards refuse hostile files first.
 */
export async function readDocxGrids(buffer: Buffer, fileName: string): Promise<GridFile> {
  const files = await readZipSafely(buffer, {
    fileName,
    include: (name) => name.endsWith('.xml') || name.endsWith('.rels'),
  });
  const part = mainPart(files, fileName);
  const xml = files.get(part);
  if (!xml) throw badInput(fileName, `不是 Word 文档（缺少 ${part}）`);
  const body = bodyOf(parseXmlSafely(xml, { fileName, part, parser: { preserveOrder: true } }) as XmlNode[]);
  if (!body) throw badInput(fileName, `${part} 中没有正文（w:body）`);
  const collected: Collected = { state: newWalkState(), paragraphs: [], recent: [], tables: [] };
  walkBody(childrenOf(body), collected);
  return {
    fileName,
    kind: 'docx',
    paragraphs: collected.paragraphs,
    grids: collected.tables.map((table, i) =>
      makeGrid({
        index: i + 1,
        source: `第 ${i + 1} 个表格`,
        cells: layOut(table),
        above: table.above,
        address: { style: 'rc' },
      }),
    ),
  };
}

/** The main document part named by the package relationships; Word and WPS both use word/document.xml. */
function mainPart(files: Map<string, Buffer>, fileName: string): string {
  const rels = files.get('_rels/.rels');
  if (!rels) return 'word/document.xml';
  const root = parseXmlSafely(rels, { fileName, part: '_rels/.rels', parser: { preserveOrder: true } }) as XmlNode[];
  const relationships = root.find((node) => tagOf(node) === 'Relationships');
  const main = childrenOf(relationships ?? {}).find((rel) => (attr(rel, 'Type') ?? '').endsWith('/officeDocument'));
  const target = main ? attr(main, 'Target') : undefined;
  return target ? target.replace(/^\//, '') : 'word/document.xml';
}

function walkBody(nodes: XmlNode[], out: Collected): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p') {
      const lines = readParagraph(node, out.state)?.lines ?? [];
      const text = cleanCellText(lines.join('\n'));
      if (text !== '') {
        out.paragraphs.push(text);
        out.recent.push(text);
      }
    } else if (tag === 'w:tbl') {
      out.tables.push(...readTable(node, out.state, out.recent.slice(-6)));
      out.recent = [];
    } else if (tag === 'w:sdt') {
      if (!isTocControl(node)) walkBody(childrenOf(findChild(node, 'w:sdtContent') ?? {}), out);
    } else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:smartTag') {
      walkBody(childrenOf(node), out);
    }
  }
}

/** The table, then the tables nested in its cells (each followed by its own nested ones). */
function readTable(tbl: XmlNode, state: WalkState, above: string[]): WordTable[] {
  const nested: WordTable[] = [];
  const rows = childrenOf(tbl)
    .flatMap((node) => unwrap(node, 'w:tr'))
    .map((tr): WordRow => {
      const trPr = findChild(tr, 'w:trPr') ?? {};
      return {
        before: intVal(findChild(trPr, 'w:gridBefore')) ?? 0,
        cells: childrenOf(tr)
          .flatMap((node) => unwrap(node, 'w:tc'))
          .map((tc) => readCell(tc, state, nested)),
      };
    });
  const columns = childrenOf(findChild(tbl, 'w:tblGrid') ?? {}).filter((node) => tagOf(node) === 'w:gridCol').length;
  return [{ columns, rows, above }, ...nested];
}

/** Rows and cells may sit inside content controls or custom XML; those wrappers are transparent. */
function unwrap(node: XmlNode, wanted: string): XmlNode[] {
  const tag = tagOf(node);
  if (tag === wanted) return [node];
  if (tag === 'w:sdt') return childrenOf(findChild(node, 'w:sdtContent') ?? {}).flatMap((n) => unwrap(n, wanted));
  if (tag === 'w:customXml') return childrenOf(node).flatMap((n) => unwrap(n, wanted));
  return [];
}

function intVal(node: XmlNode | undefined): number | undefined {
  const value = node ? Number(attr(node, 'w:val')) : NaN;
  return Number.isInteger(value) && value >= 0 ? Math.min(value, 1000) : undefined;
}

/** A cell's own paragraphs joined with "\n"; a table inside it is collected as a grid of its own. */
function readCell(tc: XmlNode, state: WalkState, nested: WordTable[]): WordCell {
  const tcPr = findChild(tc, 'w:tcPr') ?? {};
  const vMergeNode = findChild(tcPr, 'w:vMerge');
  const lines: string[] = [];
  // A form framed in a one-cell table has its title paragraphs in the frame's cell, just above the form.
  let sinceTable = 0;
  const walk = (nodes: XmlNode[]): void => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'w:p') lines.push(...(readParagraph(node, state)?.lines ?? []));
      else if (tag === 'w:tbl') {
        const above = lines
          .slice(sinceTable)
          .map(cleanCellText)
          .filter((line) => line !== '');
        nested.push(...readTable(node, state, above.slice(-6)));
        sinceTable = lines.length;
      } else if (tag === 'w:sdt') walk(childrenOf(findChild(node, 'w:sdtContent') ?? {}));
      else if (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:smartTag') walk(childrenOf(node));
    }
  };
  walk(childrenOf(tc));
  return {
    text: cleanCellText(lines.join('\n')),
    span: Math.max(1, intVal(findChild(tcPr, 'w:gridSpan')) ?? 1),
    // <w:vMerge/> without a value continues the cell above; w:val="restart" starts a merged cell.
    vMerge: vMergeNode === undefined ? undefined : attr(vMergeNode, 'w:val') === 'restart' ? 'restart' : 'continue',
  };
}

/** Places each cell on the table's column grid; spans are copied across, vertical continuations down. */
function layOut(table: WordTable): RawCell[][] {
  const out: RawCell[][] = [];
  for (const row of table.rows) {
    const cells: RawCell[] = Array.from({ length: row.before }, () => ({ text: '', origin: 'pad' as const }));
    for (const cell of row.cells) {
      const column = cells.length;
      const fromAbove = cell.vMerge === 'continue' ? out[out.length - 1]?.[column] : undefined;
      const text = cell.vMerge === 'continue' ? (fromAbove?.text ?? '') : cell.text;
      for (let k = 0; k < cell.span; k++) {
        cells.push({ text, origin: k === 0 && cell.vMerge !== 'continue' ? 'own' : 'merge' });
      }
    }
    out.push(cells);
  }
  const width = Math.max(table.columns, ...out.map((row) => row.length));
  return out.map((row) => [
    ...row,
    ...Array.from({ length: width - row.length }, () => ({ text: '', origin: 'pad' as const })),
  ]);
}
