import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph, TableOfContents, TextRun,
  type FileChild,
} from 'docx';
import type { TargetsDocument } from '../../domain/targets.ts';
import { type Block, documentTitle, outline } from './outline.ts';
import { FONT, PAGE, SIZE, STYLES } from './styles.ts';
import { projectTable } from './write-project-table.ts';

/**
 * The unit-year in the official layout as a .docx: cover title, a table of contents (a real TOC field over
 * Heading 1/2, which Word and LibreOffice update), 第一部分 部门整体绩效目标, 第二部分 with one table per project,
 * A4, page numbers in the footer. readTargetsDocx reads it back to the same document.
 */
export async function writeTargetsDocx(doc: TargetsDocument): Promise<Buffer> {
  const children = outline(doc).flatMap(render);
  const document = new Document({
    creator: 'Jixiao',
    title: documentTitle(doc),
    styles: STYLES,
    features: { updateFields: true },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function render(block: Block): FileChild[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] })];
    case 'toc':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '目  录', font: FONT.heading, size: SIZE.part })] }),
        new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'part':
      // One heading, two lines: the TOC lists "第一部分 部门整体绩效目标" as one entry.
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.lines[0]), new TextRun({ text: block.lines[1], break: 1 })] })];
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(block.text)] })];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: 560 },
          children: [new TextRun({ text: block.text, ...(block.level === 'measure' ? { font: FONT.heading } : {}) })],
        }),
      ];
    case 'project':
      return [
        new Paragraph({ heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER, children: [new TextRun(block.title)] }),
        projectTable(block.unit, block.project),
        new Paragraph({ children: [] }),
      ];
  }
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONT.table, size: SIZE.table })],
      }),
    ],
  });
}
