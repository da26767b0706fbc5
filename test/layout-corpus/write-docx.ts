import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { placeCells, type CellInput, type CorpusDocument, type TableSpec } from './table.ts';

/**
 * A corpus document as Word makes it (the `docx` package): the title and "单位：万元" as paragraphs above each table,
 * merged cells as real vMerge/gridSpan, a table printed over two pages as two tables with the header rows repeated
 * after a page break, and one-cell frame tables around a form (a nested table).
 */
export async function corpusDocx(document: CorpusDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = document.intro.map((line) => paragraph(line));
  for (const table of document.tables) children.push(...tableBlocks(table));
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function tableBlocks(table: TableSpec): (Paragraph | Table)[] {
  const above = table.above.map((line) => paragraph(line));
  const breakAt = table.pageBreak;
  const parts = breakAt
    ? [
        [...above, wordTable(table.rows.slice(0, breakAt.afterRow + 1), breakAt.repeat)],
        [
          new Paragraph({ children: [new PageBreak()] }),
          wordTable(
            [...breakAt.repeat.map((r) => table.rows[r]!), ...table.rows.slice(breakAt.afterRow + 1)],
            breakAt.repeat.map((_, i) => i),
          ),
        ],
      ].flat()
    : [...above, wordTable(table.rows, [])];
  if (!table.framed) return parts;
  // The frame: one cell holding the title paragraphs and the form table, as some offices lay out a page.
  const frame = new TableCell({ children: [...parts, new Paragraph('')] });
  return [new Table({ rows: [new TableRow({ children: [frame] })], width: { size: 9600, type: WidthType.DXA } })];
}

function wordTable(rows: CellInput[][], headerRows: number[]): Table {
  const { width } = placeCells(rows);
  const columnWidth = Math.floor(9000 / width);
  return new Table({
    width: { size: columnWidth * width, type: WidthType.DXA },
    columnWidths: Array.from({ length: width }, () => columnWidth),
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: headerRows.includes(r),
          children: row.map((input) => {
            const cell = typeof input === 'string' ? { text: input } : input;
            return new TableCell({
              children: cell.text.split('\n').map((line) => paragraph(line)),
              ...(cell.rowSpan === undefined ? {} : { rowSpan: cell.rowSpan }),
              ...(cell.colSpan === undefined ? {} : { columnSpan: cell.colSpan }),
            });
          }),
        }),
    ),
  });
}

function paragraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)] });
}
