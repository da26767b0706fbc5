import type { Project, Unit } from '../../domain/targets.ts';
import { type GridCell, TABLE_WIDTH, projectGrid } from './table-model.ts';
import { xmlText } from './xml-text.ts';

/** One 项目绩效目标表 as a Word table (w:tbl XML) over the shared grid (table-model.ts). */
export function projectTableXml(unit: Unit, project: Project): string {
  const grid = projectGrid(unit, project);
  const parts = [
    TABLE_PROPERTIES,
    '<w:tblGrid>',
    ...grid.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  ];
  grid.rows.forEach((cells, r) => {
    // Up to the indicator header, rows keep with the next, so the title, unit line and head of the table share a page.
    const keepNext = r <= grid.headerRow;
    parts.push(
      r === grid.headerRow
        ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
        : '<w:tr><w:trPr><w:cantSplit/></w:trPr>',
    );
    for (const cell of cells) parts.push(cellXml(cell, grid.columnWidths, keepNext));
    parts.push('</w:tr>');
  });
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Every cell's margins, once for the table (a 25-project document has ~4,000 cells). */
const CELL_MARGINS =
  '<w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>';
const SINGLE = 'w:val="single" w:sz="4" w:space="0" w:color="auto"';
const TABLE_PROPERTIES =
  `<w:tbl><w:tblPr><w:tblW w:w="${TABLE_WIDTH}" w:type="dxa"/>` +
  `<w:tblBorders><w:top ${SINGLE}/><w:left ${SINGLE}/><w:bottom ${SINGLE}/><w:right ${SINGLE}/><w:insideH ${SINGLE}/><w:insideV ${SINGLE}/></w:tblBorders>` +
  `<w:tblLayout w:type="fixed"/>${CELL_MARGINS}<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>`;
/** The unit line sits above the table as in the official form: no frame of its own. */
const NONE = 'w:val="nil"';
const CAPTION_BORDERS = `<w:tcBorders><w:top ${NONE}/><w:left ${NONE}/><w:right ${NONE}/></w:tcBorders>`;

function cellXml(spec: GridCell, widths: number[], keepNext: boolean): string {
  let width = 0;
  for (let c = spec.gridFrom; c <= spec.gridTo; c += 1) width += widths[c]!;
  const span = spec.gridTo - spec.gridFrom + 1;
  const merge =
    spec.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : spec.merge === 'continue' ? '<w:vMerge/>' : '';
  const properties =
    `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}` +
    `${spec.caption ? CAPTION_BORDERS : ''}<w:vAlign w:val="center"/></w:tcPr>`;
  const pPr = `<w:pPr><w:pStyle w:val="TableText"/>${keepNext ? '<w:keepNext/>' : ''}<w:jc w:val="${spec.align ?? 'center'}"/></w:pPr>`;
  const rPr = spec.label === true ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  // Every cell holds at least one paragraph (Word requires it); each line of the text is one.
  const paragraphs = spec.text
    .split('\n')
    .map((line) =>
      line === ''
        ? `<w:p>${pPr}</w:p>`
        : `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r></w:p>`,
    );
  return `<w:tc>${properties}${paragraphs.join('')}</w:tc>`;
}
