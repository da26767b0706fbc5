import { type ReadContext, fail, quote } from './context.ts';
import { TABLE_TITLE_SUFFIX } from './layout.ts';
import type { SourceLine } from './lines.ts';
import type { SectionLines } from './sections.ts';

export interface Cell {
  line: number;
  text: string;
}

/** Cells on consecutive lines; a blank line ends the row. */
export interface Row {
  cells: Cell[];
}

export interface RawTable {
  /** "1、困难职工帮扶资金绩效目标表": not data (the project's name is in its own cell). */
  title: SourceLine | null;
  rows: Row[];
  /** Last line holding text, for "the table ended here" messages. */
  lastLine: number;
}

/**
 * 第二部分 is a run of tables, each under a title line. A text line right after a cell (no blank line
 * between) is the next paragraph of that cell, as Word writes a cell holding several paragraphs; after a
 * blank line, text starts the next table.
 */
export function splitTables(ctx: ReadContext, part2: SectionLines): RawTable[] {
  const tables: RawTable[] = [];
  // The row being filled: set by a cell, ended by a blank line or a title.
  let row: Row | null = null;
  for (const line of part2.lines) {
    if (line.kind === 'blank') {
      row = null;
    } else if (line.kind === 'text' && row && !isTitle(line)) {
      const cell = row.cells[row.cells.length - 1]!;
      cell.text = cell.text === '' ? line.text : `${cell.text}\n${line.text}`;
      tables[tables.length - 1]!.lastLine = line.no;
    } else if (line.kind === 'text') {
      closeTable(ctx, tables[tables.length - 1]);
      tables.push({ title: line, rows: [], lastLine: line.no });
      row = null;
    } else {
      if (tables.length === 0) tables.push({ title: null, rows: [], lastLine: line.no });
      const table = tables[tables.length - 1]!;
      if (!row) table.rows.push((row = { cells: [] }));
      row.cells.push({ line: line.no, text: line.text });
      table.lastLine = line.no;
    }
  }
  closeTable(ctx, tables[tables.length - 1]);
  return tables;
}

/** A Word TOC entry is always a heading; so is anything named "…绩效目标表". */
function isTitle(line: SourceLine): boolean {
  return line.heading || line.text.endsWith(TABLE_TITLE_SUFFIX);
}

function closeTable(ctx: ReadContext, table: RawTable | undefined): void {
  if (table && table.rows.length === 0 && table.title) {
    fail(
      ctx,
      table.title.no,
      `标题${quote(table.title.text)}之后应为项目绩效目标表（以制表符开头的单元格），但没有表格`,
    );
  }
}
