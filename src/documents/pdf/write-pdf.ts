import PDFDocument from 'pdfkit';
import type { TargetsDocument } from '../../domain/targets.ts';
import { type Block, documentTitle, outline } from '../docx/outline.ts';
import { projectGrid } from '../docx/table-model.ts';
import { fontBytes } from './fonts.ts';
import { type PdfSurface, drawTable } from './pdf-table.ts';

/*
 * The official layout drawn with pdfkit, block by block from the same outline as the .docx: cover title, a table of
 * contents with page numbers (its entries are drawn last, into space kept for them, once the pages are known),
 * 第一部分, 第二部分 with one table per project, page numbers in the footer. Text is real text in an embedded,
 * subsetted Noto Serif SC: it can be searched and copied.
 */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 72, x: 56.7 };
const BODY_SIZE = 12;
const TOC_LINE = 22;

interface TocEntry {
  text: string;
  level: 1 | 2;
  page: number;
  destination: string;
}

interface Writer {
  doc: PDFKit.PDFDocument;
  surface: PdfSurface;
  toc: TocEntry[];
  tocSlots: { page: number; y: number }[];
}

export async function writeTargetsPdf(input: TargetsDocument): Promise<Buffer> {
  const blocks = outline(input);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.x, right: MARGIN.x },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: documentTitle(input), Creator: 'Jixiao', Producer: 'Jixiao (pdfkit)' },
  });
  const done = collect(doc);
  doc.registerFont('regular', fontBytes('regular'));
  doc.registerFont('bold', fontBytes('bold'));
  doc.font('regular');
  const surface: PdfSurface = {
    doc,
    left: MARGIN.x,
    top: MARGIN.top,
    bottom: A4.height - MARGIN.bottom,
    newPage: () => {
      doc.addPage();
    },
  };
  const writer: Writer = { doc, surface, toc: [], tocSlots: [] };
  const tocEntries = blocks.filter((b) => b.kind === 'part' || b.kind === 'heading' || b.kind === 'project').length;
  for (const block of blocks) render(writer, block, tocEntries);
  drawToc(writer);
  drawPageNumbers(doc);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const contentWidth = A4.width - 2 * MARGIN.x;

function render(w: Writer, block: Block, tocEntries: number): void {
  const { doc } = w;
  switch (block.kind) {
    case 'title':
      doc.font('bold').fontSize(22).text(block.text, MARGIN.x, 200, { width: contentWidth, align: 'center' });
      return;
    case 'toc':
      doc.moveDown(2).font('bold').fontSize(16).text('目  录', { width: contentWidth, align: 'center' });
      reserveToc(w, doc.y + 12, tocEntries);
      return;
    case 'pageBreak':
      doc.addPage();
      return;
    case 'part':
      keepWithNext(w, 120);
      heading(w, block.lines.join(' '), 1);
      doc
        .font('bold')
        .fontSize(16)
        .text(block.lines[0], MARGIN.x, doc.y + 8, { width: contentWidth, align: 'center' });
      doc.text(block.lines[1], { width: contentWidth, align: 'center' }).moveDown(0.8);
      return;
    case 'heading':
      keepWithNext(w, 90);
      heading(w, block.text, 2);
      doc
        .font('bold')
        .fontSize(14)
        .text(block.text, MARGIN.x, doc.y + 6, { width: contentWidth })
        .moveDown(0.3);
      return;
    case 'subtitle':
      doc
        .font('bold')
        .fontSize(BODY_SIZE)
        .text(block.text, MARGIN.x, doc.y, { width: contentWidth, align: 'center' })
        .moveDown(0.4);
      return;
    case 'paragraph':
      doc.font(block.level === 'measure' ? 'bold' : 'regular').fontSize(BODY_SIZE);
      doc.text(block.text, MARGIN.x, doc.y, {
        width: contentWidth,
        indent: BODY_SIZE * 2,
        lineGap: 5,
        paragraphGap: 4,
      });
      return;
    case 'project': {
      const grid = projectGrid(block.unit, block.project);
      keepWithNext(w, 160);
      heading(w, block.title, 2);
      doc
        .font('bold')
        .fontSize(13)
        .text(block.title, MARGIN.x, doc.y + 10, { width: contentWidth, align: 'center' });
      const end = drawTable(w.surface, grid, doc.y + 6);
      doc.x = MARGIN.x;
      doc.y = end + 18;
      return;
    }
  }
}

/** A heading too close to the bottom goes to the next page with what follows it. */
function keepWithNext(w: Writer, space: number): void {
  if (w.doc.y + space > w.surface.bottom) w.doc.addPage();
}

function heading(w: Writer, text: string, level: 1 | 2): void {
  const destination = `h${w.toc.length + 1}`;
  w.doc.addNamedDestination(destination);
  w.toc.push({ text, level, page: w.doc.bufferedPageRange().count, destination });
  w.doc.outline.addItem(text);
}

/** Keeps one line per TOC entry, continuing on further pages when the entries do not fit under the title. */
function reserveToc(w: Writer, startY: number, entries: number): void {
  let y = startY;
  for (let i = 0; i < entries; i += 1) {
    if (y + TOC_LINE > w.surface.bottom) {
      w.doc.addPage();
      y = w.surface.top;
    }
    w.tocSlots.push({ page: w.doc.bufferedPageRange().count - 1, y });
    y += TOC_LINE;
  }
}

function drawToc(w: Writer): void {
  const { doc } = w;
  w.toc.forEach((entry, i) => {
    const slot = w.tocSlots[i];
    if (!slot) return;
    doc.switchToPage(slot.page);
    const indent = entry.level === 1 ? 0 : 2 * BODY_SIZE;
    const number = String(entry.page);
    doc.font(entry.level === 1 ? 'bold' : 'regular').fontSize(BODY_SIZE);
    const numberWidth = doc.widthOfString(number);
    const textWidth = Math.min(doc.widthOfString(entry.text), contentWidth - indent - numberWidth - 24);
    doc.text(entry.text, MARGIN.x + indent, slot.y, {
      width: textWidth,
      height: TOC_LINE,
      ellipsis: true,
      lineBreak: false,
    });
    const dotsFrom = MARGIN.x + indent + textWidth + 4;
    const dotsTo = MARGIN.x + contentWidth - numberWidth - 4;
    doc
      .save()
      .lineWidth(0.8)
      .dash(1, { space: 2.5 })
      .moveTo(dotsFrom, slot.y + BODY_SIZE)
      .lineTo(dotsTo, slot.y + BODY_SIZE)
      .stroke('#555555')
      .undash()
      .restore();
    doc.text(number, MARGIN.x + contentWidth - numberWidth, slot.y, { lineBreak: false });
    doc.goTo(MARGIN.x + indent, slot.y, contentWidth - indent, TOC_LINE - 4, entry.destination);
  });
}

/** "— n —" centred in the bottom margin of every page. */
function drawPageNumbers(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page: lift the margin while drawing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(10.5)
      .text(`— ${i + 1} —`, MARGIN.x, A4.height - MARGIN.bottom / 2 - 6, {
        width: contentWidth,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
