import { AMOUNT_UNIT_LABEL, LABELS, PART1 } from '../seed-text/layout.ts';
import { labelKey } from '../seed-text/lines.ts';
import type { DocxBlock, DocxCell, DocxTable } from './docx-body.ts';

/**
 * The .docx body written out as the seed's text layout (what Word's own "save as text" produced for the seed:
 * a paragraph per line, a table cell per tab-prefixed line, a blank line after every paragraph and row), so
 * that readSeedText applies the very same reading rules and checks. Each text line remembers where in the
 * .docx it came from, so that errors and notes can name the paragraph or the table cell instead.
 */
export type Origin =
  | { kind: 'paragraph'; paragraph: number; block: number }
  | { kind: 'cell'; table: number; row: number; column: number; merged: boolean; block: number }
  | { kind: 'none' };

export interface SeedTextView {
  text: string;
  /** origins[n - 1] is where line n came from. */
  origins: Origin[];
}

/** "711002秦皇岛市山海关区总工会      单位：元" typed as a paragraph above the table instead of as its first row. */
const UNIT_LINE = /^(\d+\s*\S.*?)[\s\u3000]*(单位[:：]\s*元)$/;

export function toSeedText(blocks: DocxBlock[]): SeedTextView {
  const lines: string[] = [];
  const origins: Origin[] = [];
  const push = (line: string, origin: Origin): void => {
    lines.push(line);
    origins.push(origin);
  };
  let seenPart = false;
  blocks.forEach((block, i) => {
    const blockNo = i + 1;
    if (block.kind === 'table') {
      writeTable(block, blockNo, lines, origins, push);
      return;
    }
    const origin: Origin = { kind: 'paragraph', paragraph: block.index, block: blockNo };
    const texts = block.lines.map(clean);
    if (texts.some((t) => labelKey(t) === PART1)) seenPart = true;
    // The TOC's own title ("目  录") on the cover is layout, not text to note as ignored.
    if (!seenPart && texts.length === 1 && labelKey(texts[0]!) === '目录') return;
    if (block.tcCodes.length > 0) texts[texts.length - 1] += ` ${block.tcCodes.join(' ')}`;
    for (const text of texts) push(text, origin);
    push('', origin);
  });
  return { text: lines.join('\n'), origins };
}

type Push = (line: string, origin: Origin) => void;

function writeTable(table: DocxTable, blockNo: number, lines: string[], origins: Origin[], push: Push): void {
  const first = table.rows[0]?.[0];
  if (first && LABELS.code.some((label) => labelKey(label) === labelKey(first.text))) {
    liftUnitLine(lines, origins, push);
  }
  table.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const origin: Origin = {
        kind: 'cell',
        table: table.index,
        row: r + 1,
        column: c + 1,
        merged: cell.merged,
        block: blockNo,
      };
      writeCell(cell, origin, push);
    });
    push('', { kind: 'none' });
  });
}

function writeCell(cell: DocxCell, origin: Origin, push: Push): void {
  const [first = '', ...rest] = cell.text.split('\n').map(clean);
  push(`\t${first}${cell.tcCodes.length > 0 ? ` ${cell.tcCodes.join(' ')}` : ''}`, origin);
  for (const line of rest) push(line, origin);
}

/** Turns the unit paragraph right above a table into the table's first row, as the official layout has it. */
function liftUnitLine(lines: string[], origins: Origin[], push: Push): void {
  let at = lines.length - 1;
  while (at >= 0 && lines[at] === '') at -= 1;
  const match = at >= 0 ? UNIT_LINE.exec(lines[at]!) : null;
  const origin = origins[at];
  if (!match || !origin || origin.kind !== 'paragraph') return;
  lines[at] = '';
  push(`\t${match[1]!.trim()}`, origin);
  push(`\t${AMOUNT_UNIT_LABEL}`, origin);
  push('', { kind: 'none' });
}

/** Trims, and turns tabs and control characters (which would read as a cell marker or a line break) into spaces. */
function clean(text: string): string {
  const printable = Array.from(text, (ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch)).join('');
  return printable.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** "表 2，第 3 行，第 4 列" / "第 12 段": where a line of the view came from, for people. */
export function placeOf(origin: Origin | undefined): string {
  if (!origin || origin.kind === 'none') return '文档末尾';
  if (origin.kind === 'paragraph') return `第 ${origin.paragraph} 段`;
  return `表 ${origin.table}，第 ${origin.row} 行，第 ${origin.column} 列`;
}
