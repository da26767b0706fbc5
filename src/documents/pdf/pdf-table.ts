/// <reference types="pdfkit" />
import type { GridCell, GridTable } from '../docx/table-model.ts';

/**
 * Draws a GridTable (the same grid as the .docx table) with pdfkit: row heights from the text, vertical merges as
 * one frame over their rows, rows joined by a merge kept on one page when they fit, and the indicator header
 * repeated at the top of a continuation page.
 */
export interface PdfSurface {
  doc: PDFKit.PDFDocument;
  left: number;
  top: number;
  bottom: number;
  newPage: () => void;
}

const PAD_X = 3;
const PAD_Y = 3.5;
const FONT_SIZE = 9.5;
const LINE_GAP = 1.5;
const MIN_ROW = 18;

interface Placed {
  row: number;
  y: number;
  height: number;
  /** Page break before this row (then the header, when repeated, is drawn first). */
  breakBefore: boolean;
}

export function drawTable(surface: PdfSurface, table: GridTable, startY: number): number {
  const { doc } = surface;
  const xs = [surface.left];
  // Grid widths are in twips (1/20 pt), as in the .docx.
  for (const width of table.columnWidths) xs.push(xs[xs.length - 1]! + width / 20);
  const widthOf = (cell: GridCell): number => xs[cell.gridTo + 1]! - xs[cell.gridFrom]!;
  const heights = rowHeights(doc, table, widthOf);
  const placed = layoutRows(surface, table, heights, startY);
  const geometry: Geometry = { doc, table, xs, widthOf };
  placed.forEach((place, i) => {
    if (place.breakBefore) {
      surface.newPage();
      if (place.row > table.headerRow) {
        const header = { row: table.headerRow, y: surface.top, height: heights[table.headerRow]!, breakBefore: false };
        drawRow(geometry, header, [header], false);
      }
    }
    drawRow(geometry, place, rowsOnSamePage(placed, i), i > 0 && !place.breakBefore);
  });
  const last = placed[placed.length - 1];
  return last ? last.y + last.height : startY;
}

interface Geometry {
  doc: PDFKit.PDFDocument;
  table: GridTable;
  xs: number[];
  widthOf: (c: GridCell) => number;
}

/** This row and the rows after it up to the next page break. */
function rowsOnSamePage(placed: Placed[], i: number): Placed[] {
  const out = [placed[i]!];
  for (let j = i + 1; j < placed.length && !placed[j]!.breakBefore; j += 1) out.push(placed[j]!);
  return out;
}

function textOptions(cell: GridCell, width: number): PDFKit.Mixins.TextOptions {
  return { width: width - 2 * PAD_X, align: cell.align ?? 'center', lineGap: LINE_GAP };
}

function measure(doc: PDFKit.PDFDocument, cell: GridCell, width: number): number {
  if (cell.text === '') return 0;
  doc.font(cell.label ? 'bold' : 'regular').fontSize(FONT_SIZE);
  return doc.heightOfString(cell.text, textOptions(cell, width)) + 2 * PAD_Y;
}

/** Rows of the merge a 'restart' cell in row r starts (r included). */
function mergeSpan(table: GridTable, r: number, cell: GridCell): number {
  let span = 1;
  while (table.rows[r + span]?.some((c) => c.merge === 'continue' && c.gridFrom === cell.gridFrom)) span += 1;
  return span;
}

function rowHeights(doc: PDFKit.PDFDocument, table: GridTable, widthOf: (c: GridCell) => number): number[] {
  const heights = table.rows.map((cells) =>
    Math.max(MIN_ROW, ...cells.filter((c) => c.merge === undefined).map((c) => measure(doc, c, widthOf(c)))),
  );
  // A merged cell taller than the rows it spans makes the last of them taller.
  table.rows.forEach((cells, r) => {
    for (const cell of cells.filter((c) => c.merge === 'restart')) {
      const span = mergeSpan(table, r, cell);
      const available = heights.slice(r, r + span).reduce((a, b) => a + b, 0);
      const need = measure(doc, cell, widthOf(cell));
      if (need > available) heights[r + span - 1]! += need - available;
    }
  });
  return heights;
}

/**
 * Rows joined by a vertical merge form one group; so do the unit caption with the first row and the indicator
 * header with the first indicator (neither is left alone at the foot of a page).
 */
function groups(table: GridTable): number[][] {
  const out: number[][] = [];
  table.rows.forEach((cells, r) => {
    const joins = r === 1 || r === table.headerRow + 1 || cells.some((c) => c.merge === 'continue');
    if (joins && out.length > 0) out[out.length - 1]!.push(r);
    else out.push([r]);
  });
  return out;
}

function layoutRows(surface: PdfSurface, table: GridTable, heights: number[], startY: number): Placed[] {
  const placed: Placed[] = [];
  const headerHeight = heights[table.headerRow]!;
  let y = startY;
  let pendingBreak = false;
  const breakPage = (row: number): void => {
    pendingBreak = true;
    y = surface.top + (row > table.headerRow ? headerHeight : 0);
  };
  for (const group of groups(table)) {
    const height = group.reduce((sum, r) => sum + heights[r]!, 0);
    const fresh = surface.bottom - surface.top - (group[0]! > table.headerRow ? headerHeight : 0);
    if (y + height > surface.bottom && height <= fresh) breakPage(group[0]!);
    for (const r of group) {
      if (y + heights[r]! > surface.bottom && y > surface.top + headerHeight) breakPage(r);
      placed.push({ row: r, y, height: heights[r]!, breakBefore: pendingBreak });
      pendingBreak = false;
      y += heights[r]!;
    }
  }
  return placed;
}

function drawRow(g: Geometry, place: Placed, samePage: Placed[], aboveOnPage: boolean): void {
  const { doc, table } = g;
  for (const cell of table.rows[place.row]!) {
    // Covered by the merged cell above on this page.
    if (cell.merge === 'continue' && aboveOnPage) continue;
    const x = g.xs[cell.gridFrom]!;
    const width = g.widthOf(cell);
    let height = place.height;
    let text = cell.text;
    if (cell.merge !== undefined) {
      height = samePage.slice(0, mergeSpan(table, place.row, cell)).reduce((sum, p) => sum + p.height, 0);
      if (cell.merge === 'continue') text = restartText(table, place.row, cell);
    }
    doc.lineWidth(0.6).strokeColor('#000000');
    // The unit line above the table has no frame of its own, only the table's top edge under it.
    if (cell.caption)
      doc
        .moveTo(x, place.y + height)
        .lineTo(x + width, place.y + height)
        .stroke();
    else doc.rect(x, place.y, width, height).stroke();
    if (text === '') continue;
    doc
      .font(cell.label ? 'bold' : 'regular')
      .fontSize(FONT_SIZE)
      .fillColor('#000000');
    const textHeight = doc.heightOfString(text, textOptions(cell, width));
    doc.text(text, x + PAD_X, place.y + Math.max(PAD_Y, (height - textHeight) / 2), textOptions(cell, width));
  }
}

/** On a continuation page a merged cell shows its text again. */
function restartText(table: GridTable, r: number, cell: GridCell): string {
  for (let above = r - 1; above >= 0; above -= 1) {
    const found = table.rows[above]!.find((c) => c.gridFrom === cell.gridFrom && c.merge === 'restart');
    if (found) return found.text;
  }
  return '';
}
