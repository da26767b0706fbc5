import { createRequire } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { dirname, join } from 'node:path';
import type { Grid, GridFile } from './grid.ts';
import { type RawCell, badInput, cleanCellText, makeGrid } from './grid-cells.ts';
import { type Box, type PageTable, type TextItem, joinLines, ruledTables, textLines } from './pdf-layout.ts';

type PdfJs = typeof PdfJsModule;
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** pdf.js's CMaps (Chinese fonts that are not embedded) and standard fonts, from its own package. */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/**
 * A PDF's text layer into grids: ruled tables by their borders (pdf-layout.ts), else blocks of lines whose
 * text falls into columns. One grid per table per page; text outside tables is paragraphs and `above`.
 */
/** A department's tables fill a few dozen pages; a longer PDF is a whole budget book (or hostile) and is refused. */
const MAX_PDF_PAGES = 300;

export async function readPdfGrids(buffer: Buffer, fileName: string): Promise<GridFile> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    document = await pdfjs.getDocument({
      // pdf.js takes the bytes over; give it a copy.
      data: new Uint8Array(buffer),
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0,
      ...pdfjsData(),
    }).promise;
  } catch (error) {
    throw badInput(fileName, `PDF 无法打开（${(error as Error).message}）`);
  }
  const grids: Grid[] = [];
  const paragraphs: string[] = [];
  let anyText = false;
  try {
    if (document.numPages > MAX_PDF_PAGES)
      throw badInput(
        fileName,
        `PDF 共 ${document.numPages} 页，超过可读取的 ${MAX_PDF_PAGES} 页；请只导入绩效表所在的页`,
      );
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const items = await textItems(page);
      anyText ||= items.length > 0;
      readPage(number, items, await shapes(page, pdfjs.OPS), grids, paragraphs);
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  if (!anyText) throw badInput(fileName, '这个 PDF 没有文字层（可能是扫描件），请导入 Word 或 Excel 原件');
  return { fileName, kind: 'pdf', grids, paragraphs };
}

async function textItems(page: PdfPage): Promise<TextItem[]> {
  const content = await page.getTextContent();
  return content.items.flatMap((item) => {
    if (!('str' in item) || item.str === '') return [];
    const [a, b, , , x, y] = item.transform as number[];
    return [{ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height }];
  });
}

/** Bounding boxes of the page's painted paths, in PDF space (the graphics state's transforms applied). */
async function shapes(page: PdfPage, OPS: PdfJs['OPS']): Promise<Box[]> {
  const list = await page.getOperatorList();
  const boxes: Box[] = [];
  const stack: number[][] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.constructPath && args[0] !== OPS.endPath) {
      const minMax = args[2] as ArrayLike<number> | null;
      if (minMax && Number.isFinite(minMax[0])) boxes.push(transformBox(ctm, minMax));
    }
  });
  return boxes;
}

/** m × ctm: the new matrix `cm` applies first, then the current one. */
function multiply(ctm: number[], m: number[]): number[] {
  const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
  const [p, q, r, s, t, u] = m as [number, number, number, number, number, number];
  return [p * a + q * c, p * b + q * d, r * a + s * c, r * b + s * d, t * a + u * c + e, t * b + u * d + f];
}

function transformBox(ctm: number[], minMax: ArrayLike<number>): Box {
  const [a, b, c, d, e, f] = ctm as [number, number, number, number, number, number];
  const corners = [
    [minMax[0]!, minMax[1]!],
    [minMax[2]!, minMax[1]!],
    [minMax[0]!, minMax[3]!],
    [minMax[2]!, minMax[3]!],
  ].map(([x, y]) => [a * x! + c * y! + e, b * x! + d * y! + f] as const);
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** A page's tables (ruled first, else column-aligned text) and the lines around them, in reading order. */
function readPage(number: number, items: TextItem[], boxes: Box[], grids: Grid[], paragraphs: string[]): void {
  const ruled = ruledTables(boxes, items).filter((table) => table.used.size > 0);
  const lines = textLines(items.filter((item) => !ruled.some((table) => table.used.has(item))));
  const tables = ruled.length > 0 ? ruled : alignedTables(lines);
  // Top to bottom: a paragraph line, or a table starting at its top edge.
  const events = [
    ...tables.map((table) => ({ y: table.area.y1, table, line: undefined })),
    ...lines
      .filter((line) => !tables.some((table) => table.used.has(line[0]!)))
      .map((line) => ({ y: line[0]!.y + line[0]!.size, table: undefined, line })),
  ].sort((p, q) => q.y - p.y);
  let recent: string[] = [];
  for (const event of events) {
    if (event.table) {
      pushGrid(grids, event.table, number, recent);
      recent = [];
      continue;
    }
    const text = cleanCellText(joinLines(event.line ?? []));
    if (text === '') continue;
    paragraphs.push(text);
    recent.push(text);
  }
}

function pushGrid(grids: Grid[], table: PageTable, page: number, above: string[]): void {
  const index = grids.length + 1;
  grids.push(
    makeGrid({
      index,
      source: `第 ${index} 个表格`,
      cells: table.cells.map((row) => row.map((cell) => ({ ...cell, text: cleanCellText(cell.text) }))),
      above,
      address: { style: 'rc', page },
    }),
  );
}

/**
 * Without borders: a line's items split where the gap exceeds 1.5 font sizes; two or more consecutive lines
 * with several parts form a table whose columns start where its widest line's parts start.
 */
function alignedTables(lines: TextItem[][]): PageTable[] {
  const tables: PageTable[] = [];
  let block: TextItem[][][] = [];
  const flush = (): void => {
    if (block.length >= 2) tables.push(alignedTable(block));
    block = [];
  };
  for (const line of lines) {
    const parts = splitAtGaps(line);
    if (parts.length >= 2) block.push(parts);
    else flush();
  }
  flush();
  return tables;
}

function splitAtGaps(line: TextItem[]): TextItem[][] {
  const parts: TextItem[][] = [];
  let end = -Infinity;
  for (const item of line.filter((i) => i.text.trim() !== '')) {
    if (item.x - end > item.size * 1.5 || parts.length === 0) parts.push([item]);
    else parts[parts.length - 1]!.push(item);
    end = item.x + item.width;
  }
  return parts;
}

function alignedTable(block: TextItem[][][]): PageTable {
  const header = block.reduce((widest, parts) => (parts.length > widest.length ? parts : widest));
  const starts = header.map((part) => part[0]!.x);
  const used = new Set(block.flat(2));
  const cells = block.map((parts) => {
    const row: RawCell[] = starts.map(() => ({ text: '', origin: 'own' }));
    for (const part of parts) {
      const column = Math.max(
        0,
        starts.findLastIndex((x) => x <= part[0]!.x + part[0]!.size),
      );
      row[column]!.text = [row[column]!.text, joinLines(part)].filter((t) => t !== '').join(' ');
    }
    return row;
  });
  const all = [...used];
  const area: Box = {
    x0: Math.min(...all.map((i) => i.x)),
    x1: Math.max(...all.map((i) => i.x + i.width)),
    y0: Math.min(...all.map((i) => i.y)),
    y1: Math.max(...all.map((i) => i.y + i.size)),
  };
  return { cells, area, used };
}
