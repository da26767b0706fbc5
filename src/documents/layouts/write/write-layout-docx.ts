import type { TargetsDocument } from '../../../domain/targets.ts';
import { DOCUMENT_CLOSE, DOCUMENT_OPEN, SECTION_XML, packDocx } from '../../docx/docx-package.ts';
import { PAGE, TEXT_WIDTH } from '../../docx/styles.ts';
import { xmlText } from '../../docx/xml-text.ts';
import type { LayoutDef } from '../layout.ts';
import { type FormCell, type FormTable, layoutForms } from './form-table.ts';

/**
 * A unit's targets in a province's form as a .docx (issue 15): each form under its title (Heading 1, so Word's
 * navigation lists them), the unit and money-unit lines, then the table with real gridSpan and vMerge; a new page per
 * form. The package, fonts (宋体 in tables, zh-CN east-Asian language) and A4 page are the Jixiao writer's own
 * (docx-package.ts, decision 015); a form wider than eight columns is printed landscape.
 */
export function writeLayoutDocx(document: TargetsDocument, layout: LayoutDef): Promise<Buffer> {
  const forms = layoutForms(document, layout);
  const landscape = forms.some((form) => form.width > 8);
  const width = landscape ? PAGE.height - 2 * PAGE.marginX : TEXT_WIDTH;
  const body = [DOCUMENT_OPEN];
  forms.forEach((form, i) => {
    if (i > 0) body.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
    body.push(formXml(form, width));
  });
  body.push(landscape ? LANDSCAPE_SECTION : SECTION_XML, DOCUMENT_CLOSE);
  const title = `${document.unit.name}${forms[0]?.title ?? layout.title}`;
  return Promise.resolve(packDocx(body.join(''), title));
}

/** The Jixiao section with the page turned: same margins and footer, width and height swapped. */
const LANDSCAPE_SECTION = SECTION_XML.replace(
  /<w:pgSz [^>]*\/>/,
  `<w:pgSz w:w="${PAGE.height}" w:h="${PAGE.width}" w:orient="landscape"/>`,
);

const paragraph = (text: string, align: 'left' | 'center' | 'right', style = 'TableText'): string =>
  `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:keepNext/><w:jc w:val="${align}"/></w:pPr>` +
  `<w:r><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;

function formXml(form: FormTable, width: number): string {
  const lines = form.above.map((line) => paragraph(line, /^单位[：:]/.test(line) ? 'right' : 'left'));
  return `${paragraph(form.title, 'center', 'Heading1')}${lines.join('')}${tableXml(form, width)}<w:p/>`;
}

const SINGLE = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
const CELL_MARGINS =
  '<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>';

function tableXml(form: FormTable, width: number): string {
  const columns = twips(form.weights, width);
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:jc w:val="center"/>` +
      `<w:tblBorders><w:top ${SINGLE}/><w:left ${SINGLE}/><w:bottom ${SINGLE}/><w:right ${SINGLE}/><w:insideH ${SINGLE}/><w:insideV ${SINGLE}/></w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/>${CELL_MARGINS}</w:tblPr><w:tblGrid>`,
    ...columns.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  ];
  const owner = placeCells(form);
  for (let row = 0; row < form.rowCount; row += 1) {
    // Word repeats header rows only from the table's top: the 湖南 form's head; elsewhere rows keep together.
    const repeat = form.head.first === 0 && row <= form.head.last ? '<w:tblHeader/>' : '';
    parts.push(`<w:tr><w:trPr><w:cantSplit/>${repeat}</w:trPr>`);
    for (let column = 0; column < form.width;) {
      const cell = owner[row]![column]!;
      parts.push(cellXml(cell, row, columns, row <= form.head.last));
      column += cell.colSpan;
    }
    parts.push('</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Column widths in twips, summing to the table's width exactly. */
function twips(weights: number[], width: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * width));
  widths[widths.length - 1]! += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** For every place of the table, the cell covering it (a merged cell covers several). */
function placeCells(form: FormTable): FormCell[][] {
  const owner: FormCell[][] = Array.from({ length: form.rowCount }, () => []);
  for (const cell of form.cells)
    for (let r = cell.row; r < cell.row + cell.rowSpan; r += 1)
      for (let c = cell.column; c < cell.column + cell.colSpan; c += 1) owner[r]![c] = cell;
  return owner;
}

function cellXml(cell: FormCell, row: number, columns: number[], keepNext: boolean): string {
  let width = 0;
  for (let c = cell.column; c < cell.column + cell.colSpan; c += 1) width += columns[c]!;
  const span = cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '';
  const first = cell.row === row;
  const merge = cell.rowSpan === 1 ? '' : first ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>';
  const properties = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="center"/></w:tcPr>`;
  if (!first) return `<w:tc>${properties}<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>`;
  const align = cell.role === 'amount' ? 'right' : cell.role === 'label' || cell.text.length <= 12 ? 'center' : 'left';
  const pPr = `<w:pPr><w:pStyle w:val="TableText"/>${keepNext ? '<w:keepNext/>' : ''}<w:jc w:val="${align}"/></w:pPr>`;
  const rPr = cell.role === 'label' ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  // Every cell holds at least one paragraph (Word requires it); each line of the text is one.
  const paragraphs = cell.text
    .split('\n')
    .map((line) =>
      line === ''
        ? `<w:p>${pPr}</w:p>`
        : `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`,
    );
  return `<w:tc>${properties}${paragraphs.join('')}</w:tc>`;
}
