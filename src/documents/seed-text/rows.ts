import { type ReadContext, fail, quote } from './context.ts';
import { labelKey } from './lines.ts';
import type { Cell, RawTable, Row } from './tables.ts';

/** Walks a table's rows in order; running out of rows is a truncated table, reported where it ended. */
export class RowCursor {
  private index = 0;

  constructor(
    readonly ctx: ReadContext,
    readonly table: RawTable,
    /** "projects.2", for error locations. */
    readonly field: string,
  ) {}

  peek(): Row | undefined {
    return this.table.rows[this.index];
  }

  take(expected: string): Row {
    const row = this.table.rows[this.index];
    if (!row) {
      fail(this.ctx, this.table.lastLine, `项目绩效目标表不完整：应为“${expected}”，但表格到此结束`, this.field);
    }
    this.index += 1;
    return row;
  }

  rest(): Row[] {
    const rows = this.table.rows.slice(this.index);
    this.index = this.table.rows.length;
    return rows;
  }
}

/** True when the row's first cell is one of the labels (spaces and full-width punctuation aside). */
export function startsWith(row: Row | undefined, labels: readonly string[]): boolean {
  const first = row?.cells[0];
  return first !== undefined && labels.some((label) => labelKey(label) === labelKey(first.text));
}

/** The cell at `index` must be the label (or one of its accepted spellings). */
export function expectLabel(
  ctx: ReadContext,
  row: Row,
  index: number,
  labels: readonly string[],
  field?: string,
): void {
  const cell = cellAt(ctx, row, index, `“${labels[0]}”`, field);
  if (!labels.some((label) => labelKey(label) === labelKey(cell.text))) {
    fail(ctx, cell.line, `应为“${labels[0]}”，实际为${quote(cell.text)}`, field);
  }
}

export function cellAt(ctx: ReadContext, row: Row, index: number, expected: string, field?: string): Cell {
  const cell = row.cells[index];
  if (!cell) {
    const last = row.cells[row.cells.length - 1]!;
    fail(ctx, last.line, `应为${expected}，但该行只有 ${row.cells.length} 个单元格`, field);
  }
  return cell;
}
