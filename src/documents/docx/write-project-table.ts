import {
  AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable,
  VerticalMergeType, WidthType,
} from 'docx';
import type { Project, Unit } from '../../domain/targets.ts';
import { type GridCell, TABLE_WIDTH, projectGrid } from './table-model.ts';

/** One 项目绩效目标表 as a Word table over the shared grid (table-model.ts). */
export function projectTable(unit: Unit, project: Project): Table {
  const grid = projectGrid(unit, project);
  return new Table({
    // Up to the indicator header, rows keep with the next, so the title, unit line and head of the table share a page.
    rows: grid.rows.map((cells, r) => row(cells, r === grid.headerRow, r <= grid.headerRow)),
    columnWidths: grid.columnWidths,
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

function row(cells: GridCell[], header: boolean, keepNext: boolean): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: true,
    children: cells.map((spec) => {
      const span = spec.gridTo - spec.gridFrom + 1;
      return new TableCell({
        children: paragraphs(spec, keepNext),
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { left: 60, right: 60, top: 30, bottom: 30 },
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(spec.merge ? { verticalMerge: spec.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
        // The unit line sits above the table as in the official form: no frame of its own.
        ...(spec.caption ? { borders: { top: NONE, left: NONE, right: NONE } } : {}),
      });
    }),
  });
}

function paragraphs(spec: GridCell, keepNext: boolean): Paragraph[] {
  const alignment = spec.align === 'left' ? AlignmentType.LEFT : spec.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return spec.text.split('\n').map(
    (line) =>
      new Paragraph({ style: 'TableText', alignment, keepNext, children: line === '' ? [] : [new TextRun({ text: line, bold: spec.label === true })] }),
  );
}
