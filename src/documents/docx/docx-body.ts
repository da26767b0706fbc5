/**
 * word/document.xml (parsed with preserveOrder) → the body as paragraphs and tables of plain text, in order.
 * What a person sees is kept: run text, tabs (as spaces) and line breaks; what Word keeps for itself is not:
 * deleted revisions, field instructions, and the cached result of a TOC field (its entries would repeat the
 * headings). A TC field (a table-of-contents entry typed beside a heading) is kept as its code so that the seed
 * reader strips it with a note, as it does for the text export.
 */
export type XmlNode = Record<string, unknown>;

export interface DocxParagraph {
  kind: 'paragraph';
  /** 1-based among the body's paragraphs. */
  index: number;
  /** Text split at line breaks. */
  lines: string[];
  /** TC field instructions found in the paragraph. */
  tcCodes: string[];
}

export interface DocxCell {
  text: string;
  /** A vertical-merge continuation: Word shows the cell above across this row. */
  merged: boolean;
  tcCodes: string[];
}

export interface DocxTable {
  kind: 'table';
  /** 1-based among the body's tables. */
  index: number;
  rows: DocxCell[][];
}

export type DocxBlock = DocxParagraph | DocxTable;

interface Field {
  instruction: string;
  inResult: boolean;
}

export interface WalkState {
  fields: Field[];
  paragraphs: number;
  tables: number;
}

const SKIPPED = new Set([
  'w:del',
  'w:moveFrom',
  'w:pPr',
  'w:rPr',
  'w:sectPr',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
  'w:sdtPr',
  'w:sdtEndPr',
]);

export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag ? node[tag] : undefined;
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

export function findChild(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((child) => tagOf(child) === tag);
}

/** The w:body of a parsed document.xml, or undefined. */
export function bodyOf(root: XmlNode[]): XmlNode | undefined {
  const document = root.find((node) => tagOf(node) === 'w:document');
  return document ? findChild(document, 'w:body') : undefined;
}

export function readBody(body: XmlNode): DocxBlock[] {
  const state: WalkState = { fields: [], paragraphs: 0, tables: 0 };
  const blocks: DocxBlock[] = [];
  walkBlocks(childrenOf(body), state, blocks);
  return blocks;
}

function walkBlocks(nodes: XmlNode[], state: WalkState, out: DocxBlock[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p') {
      state.paragraphs += 1;
      const paragraph = readParagraph(node, state);
      if (paragraph) out.push({ kind: 'paragraph', index: state.paragraphs, ...paragraph });
    } else if (tag === 'w:tbl') {
      state.tables += 1;
      out.push(readTable(node, state));
    } else if (tag === 'w:sdt') {
      if (!isTocControl(node)) walkBlocks(childrenOf(findChild(node, 'w:sdtContent') ?? {}), state, out);
    } else if (tag && (tag === 'w:customXml' || tag === 'w:ins' || tag === 'w:smartTag')) {
      walkBlocks(childrenOf(node), state, out);
    }
  }
}

/** Word's (and docx's) table of contents is a content control of the "Table of Contents" gallery. */
export function isTocControl(sdt: XmlNode): boolean {
  const gallery = findChild(findChild(findChild(sdt, 'w:sdtPr') ?? {}, 'w:docPartObj') ?? {}, 'w:docPartGallery');
  return gallery !== undefined && /table of contents/i.test(attr(gallery, 'w:val') ?? '');
}

/** A fresh walk for a reader that visits paragraphs itself (the grid reader): fields stay open across paragraphs. */
export function newWalkState(): WalkState {
  return { fields: [], paragraphs: 0, tables: 0 };
}

/** Null when the whole paragraph sits inside a TOC field's cached result. */
export function readParagraph(p: XmlNode, state: WalkState): { lines: string[]; tcCodes: string[] } | null {
  const acc = { text: '', tcCodes: [] as string[], visible: false };
  walkRuns(childrenOf(p), state, acc);
  if (!acc.visible && acc.text === '' && insideToc(state)) return null;
  return { lines: acc.text.split('\n'), tcCodes: acc.tcCodes };
}

function insideToc(state: WalkState): boolean {
  return state.fields.some((field) => field.inResult && /^\s*TOC\b/i.test(field.instruction));
}

function hiddenByField(state: WalkState): boolean {
  return state.fields.some((field) => !field.inResult) || insideToc(state);
}

function walkRuns(
  nodes: XmlNode[],
  state: WalkState,
  acc: { text: string; tcCodes: string[]; visible: boolean },
): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (!tag || SKIPPED.has(tag)) continue;
    if (tag === 'w:fldChar') {
      fieldChar(attr(node, 'w:fldCharType'), state, acc);
    } else if (tag === 'w:instrText') {
      const field = state.fields[state.fields.length - 1];
      if (field && !field.inResult) field.instruction += textOf(node);
    } else if (tag === 'w:fldSimple') {
      simpleField(node, state, acc);
    } else if (tag === 'w:t' || tag === 'w:tab' || tag === 'w:br' || tag === 'w:cr' || tag === 'w:noBreakHyphen') {
      if (!hiddenByField(state)) {
        acc.text +=
          tag === 'w:t' ? textOf(node) : tag === 'w:tab' ? ' ' : tag === 'w:noBreakHyphen' ? '-' : breakText(node);
        acc.visible = true;
      }
    } else if (tag === 'w:sdt') {
      walkRuns(childrenOf(findChild(node, 'w:sdtContent') ?? {}), state, acc);
    } else {
      // w:r, w:hyperlink, w:ins, w:smartTag, w:customXml, w:moveTo, …: their runs are the paragraph's text.
      walkRuns(childrenOf(node), state, acc);
    }
  }
}

function breakText(node: XmlNode): string {
  // A page or column break ends nothing in the text; a line break starts a new line.
  const type = attr(node, 'w:type');
  return type === 'page' || type === 'column' ? '' : '\n';
}

function fieldChar(type: string | undefined, state: WalkState, acc: { tcCodes: string[] }): void {
  if (type === 'begin') state.fields.push({ instruction: '', inResult: false });
  else if (type === 'separate') {
    const field = state.fields[state.fields.length - 1];
    if (field) field.inResult = true;
  } else if (type === 'end') {
    const field = state.fields.pop();
    if (field && /^\s*TC\b/i.test(field.instruction)) acc.tcCodes.push(field.instruction.trim());
  }
}

function simpleField(
  node: XmlNode,
  state: WalkState,
  acc: { text: string; tcCodes: string[]; visible: boolean },
): void {
  const instruction = attr(node, 'w:instr') ?? '';
  if (/^\s*TC\b/i.test(instruction)) acc.tcCodes.push(instruction.trim());
  else if (!/^\s*TOC\b/i.test(instruction)) walkRuns(childrenOf(node), state, acc);
}

function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
    .join('');
}

function readTable(tbl: XmlNode, state: WalkState): DocxTable {
  const index = state.tables;
  const rows: DocxCell[][] = [];
  for (const tr of childrenOf(tbl).filter((node) => tagOf(node) === 'w:tr')) {
    rows.push(cellsOf(tr).map((tc) => readCell(tc, state)));
  }
  return { kind: 'table', index, rows };
}

/** Cells of a row, also those wrapped in a content control or custom XML. */
function cellsOf(tr: XmlNode): XmlNode[] {
  return childrenOf(tr).flatMap((node) => {
    const tag = tagOf(node);
    if (tag === 'w:tc') return [node];
    if (tag === 'w:sdt') return cellsOf(findChild(node, 'w:sdtContent') ?? {});
    if (tag === 'w:customXml') return cellsOf(node);
    return [];
  });
}

function readCell(tc: XmlNode, state: WalkState): DocxCell {
  const vMerge = findChild(findChild(tc, 'w:tcPr') ?? {}, 'w:vMerge');
  // <w:vMerge/> without a value continues the cell above; w:val="restart" starts a merged cell.
  const merged = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
  const inner: DocxBlock[] = [];
  walkBlocks(childrenOf(tc), state, inner);
  const tcCodes: string[] = [];
  const lines: string[] = [];
  for (const block of inner) {
    if (block.kind === 'paragraph') {
      tcCodes.push(...block.tcCodes);
      lines.push(...block.lines);
    } else {
      // A table inside a cell: its text, row by row, as further lines of the cell.
      lines.push(...block.rows.map((row) => row.map((cell) => cell.text).join(' ')));
    }
  }
  const text = lines
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '')
    .join('\n');
  return { text: merged ? '' : text, merged, tcCodes };
}
