import type { TargetsDocument } from '../../domain/targets.ts';
import { DOCUMENT_CLOSE, DOCUMENT_OPEN, SECTION_XML, packDocx, rFonts, runSize } from './docx-package.ts';
import { type Block, documentTitle, outline } from './outline.ts';
import { FONT, SIZE, TEXT_WIDTH } from './styles.ts';
import { projectTableXml } from './write-project-table.ts';
import { xmlText } from './xml-text.ts';

/**
 * The unit-year in the official layout as a .docx: cover title, a table of contents (a real TOC field over
 * Heading 1/2, which Word and LibreOffice update), 第一部分 部门整体绩效目标, 第二部分 with one table per project,
 * A4, page numbers in the footer. readTargetsDocx reads it back to the same document.
 *
 * The WordprocessingML is written as a string from the outline (decision 015): building the docx library's
 * object tree took ~250 ms for 25 projects, this takes a few.
 */
export function writeTargetsDocx(doc: TargetsDocument): Promise<Buffer> {
  const blocks = outline(doc);
  const headings = tocEntries(blocks);
  const body: string[] = [DOCUMENT_OPEN];
  let next = 0;
  for (const block of blocks) {
    if (block.kind === 'toc') body.push(tocXml(headings));
    else body.push(blockXml(block, isHeading(block) ? headings[next++]!.bookmark : 0));
  }
  body.push(SECTION_XML, DOCUMENT_CLOSE);
  // Synchronous inside; a promise as the other format writers return (renderTargets awaits them alike).
  return Promise.resolve(packDocx(body.join(''), documentTitle(doc)));
}

interface TocEntry {
  level: 1 | 2;
  text: string;
  bookmark: number;
}

function isHeading(block: Block): boolean {
  return block.kind === 'part' || block.kind === 'heading' || block.kind === 'project';
}

function tocEntries(blocks: Block[]): TocEntry[] {
  let bookmark = 0;
  return blocks.flatMap((block): TocEntry[] => {
    if (block.kind === 'part') return [{ level: 1, text: block.lines.join(' '), bookmark: ++bookmark }];
    if (block.kind === 'heading') return [{ level: 2, text: block.text, bookmark: ++bookmark }];
    if (block.kind === 'project') return [{ level: 2, text: block.title, bookmark: ++bookmark }];
    return [];
  });
}

const run = (text: string, rPr = ''): string =>
  `<w:r>${rPr === '' ? '' : `<w:rPr>${rPr}</w:rPr>`}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
const bookmarked = (id: number, runs: string): string =>
  `<w:bookmarkStart w:id="${id}" w:name="_Toc${id}"/>${runs}<w:bookmarkEnd w:id="${id}"/>`;

function blockXml(block: Exclude<Block, { kind: 'toc' }>, bookmark: number): string {
  switch (block.kind) {
    case 'title':
      return `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>${run(block.text)}</w:p>`;
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    case 'part':
      // One heading, two lines: the TOC lists "第一部分 部门整体绩效目标" as one entry.
      return `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${bookmarked(
        bookmark,
        `${run(block.lines[0])}<w:r><w:br/><w:t xml:space="preserve">${xmlText(block.lines[1])}</w:t></w:r>`,
      )}</w:p>`;
    case 'heading':
      return `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${bookmarked(bookmark, run(block.text))}</w:p>`;
    case 'subtitle':
      return `<w:p><w:pPr><w:spacing w:after="120"/><w:jc w:val="center"/></w:pPr>${run(block.text, '<w:b/><w:bCs/>')}</w:p>`;
    case 'paragraph':
      return `<w:p><w:pPr><w:ind w:firstLine="560"/></w:pPr>${run(block.text, block.level === 'measure' ? rFonts(FONT.heading) : '')}</w:p>`;
    case 'project':
      return (
        `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:jc w:val="center"/></w:pPr>${bookmarked(bookmark, run(block.title))}</w:p>` +
        `${projectTableXml(block.unit, block.project)}<w:p/>`
      );
  }
}

const TOC_TAB = `<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${TEXT_WIDTH}"/></w:tabs>`;

/**
 * "目  录", then a TOC field in a Table of Contents content control. Its cached result already lists the
 * headings (linked to their bookmarks, page numbers left to the update Word and LibreOffice make on
 * opening, settings.xml updateFields), so the contents show even in a viewer that never updates fields.
 */
function tocXml(entries: TocEntry[]): string {
  const caption = `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run('目  录', `${rFonts(FONT.heading)}${runSize(SIZE.part)}`)}</w:p>`;
  const begin =
    '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve">${xmlText('TOC \\o "1-2" \\h \\z \\u')}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`;
  const lines = entries.map(
    (entry, i) =>
      `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}"/>${TOC_TAB}</w:pPr>${i === 0 ? begin : ''}` +
      `<w:hyperlink w:anchor="_Toc${entry.bookmark}" w:history="1">${run(entry.text)}<w:r><w:tab/></w:r>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc${entry.bookmark} \\h </w:instrText></w:r>` +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>',
  );
  const end = '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
  return (
    `${caption}<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>` +
    `<w:sdtContent>${entries.length === 0 ? `<w:p>${begin}</w:p>` : lines.join('')}${end}</w:sdtContent></w:sdt>`
  );
}
